using System.Globalization;
using Discogsography.ServiceInterface.Configuration;

namespace Discogsography.ServiceInterface.Redis;

/// <summary>Where and how to reach Redis, parsed from a <c>redis://[[user]:password@]host[:port][/db]</c> URL.</summary>
public sealed record RedisSettings
{
    /// <summary>Host name or address.</summary>
    public required string Host { get; init; }

    /// <summary>TCP port (default 6379).</summary>
    public int Port { get; init; } = 6379;

    /// <summary>Logical database selected after connecting (default 0).</summary>
    public int Database { get; init; }

    /// <summary>ACL user name (Redis 6+), sent with the password; null for the default user.</summary>
    public string? User { get; init; }

    /// <summary>Password for <c>AUTH</c>; null when the server needs none.</summary>
    public string? Password { get; init; }

    /// <summary>How long a connection attempt may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one command may wait for its reply before the connection is dropped.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Most connections open at once; callers beyond it wait up to <see cref="CommandTimeout"/>.</summary>
    public int PoolSize { get; init; } = 16;

    /// <summary>The endpoint for logs and errors, without credentials.</summary>
    public string Endpoint => $"{Host}:{Port}/{Database}";

    /// <summary>Parses a <c>redis://</c> URL; anything else stops startup with a clear message.</summary>
    public static RedisSettings Parse(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "redis" || uri.Host.Length == 0)
            throw new SettingsException("REDIS_HOST must be a URL like redis://[:password@]host:port/db (rediss:// and unix sockets are not supported)");
        var (user, password) = SplitUserInfo(uri.UserInfo);
        return new RedisSettings
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 6379 : uri.Port,
            Database = ParseDatabase(uri.AbsolutePath),
            User = user,
            Password = password,
        };
    }

    private static (string? User, string? Password) SplitUserInfo(string userInfo)
    {
        if (userInfo.Length == 0)
            return (null, null);
        var colon = userInfo.IndexOf(':');
        var user = colon < 0 ? null : Uri.UnescapeDataString(userInfo[..colon]);
        var password = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[(colon + 1)..]);
        return (string.IsNullOrEmpty(user) ? null : user, password.Length > 0 ? password : null);
    }

    private static int ParseDatabase(string path)
    {
        var text = path.Trim('/');
        if (text.Length == 0)
            return 0;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var db)
            ? db
            : throw new SettingsException($"REDIS_HOST database must be a number, got '{text}'");
    }
}
