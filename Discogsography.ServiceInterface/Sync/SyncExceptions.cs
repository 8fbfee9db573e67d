namespace Discogsography.ServiceInterface.Sync;

/// <summary>The sync cannot go on; the message is what the job's <c>error</c> says (never a token or a response body).</summary>
public sealed class SyncFailedException(string message) : Exception(message);
