using Discogsography.ServiceInterface.Infrastructure;

namespace Discogsography.ServiceInterface.Redis;

/// <summary>Redis answered with an error reply (<c>-ERR ...</c>, <c>-WRONGTYPE ...</c>).</summary>
public sealed class RedisResponseException(string message) : Exception(message);

/// <summary>The peer broke the RESP2 protocol (often: the URL points at something that is not Redis); the connection is discarded.</summary>
public sealed class RedisProtocolException(string message) : DependencyUnavailableException("Redis", message);

/// <summary>Redis cannot be reached, dropped the connection or did not answer in time.</summary>
public sealed class RedisConnectionException(string message, Exception? inner = null)
    : DependencyUnavailableException("Redis", message, inner);
