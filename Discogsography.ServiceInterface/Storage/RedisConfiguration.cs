using System.Globalization;
using Discogsography.ServiceInterface.Configuration;
using StackExchange.Redis;

namespace Discogsography.ServiceInterface.Storage;

/// <summary>
/// Turns <c>REDIS_HOST</c> into StackExchange.Redis options. Two forms are accepted:
/// the reference's URL, <c>redis://[[user]:password@]host[:port][/db]</c> (<c>rediss://</c> for TLS), and any
/// StackExchange.Redis configuration string (https://stackexchange.github.io/StackExchange.Redis/Configuration),
/// which is how Sentinel (<c>sentinel1:26379,serviceName=mymaster</c>) and Cluster (several endpoints) are reached.
/// </summary>
public static class RedisConfiguration
{
    /// <summary>How long connecting, and then each command, may take before Redis counts as down.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>Options for one long-lived multiplexer: never abort on a failed first connect, reconnect quickly.</summary>
    public static ConfigurationOptions Parse(string value)
    {
        var options = value.Contains("://", StringComparison.Ordinal) ? FromUrl(value) : FromConfigurationString(value);
        options.AbortOnConnectFail = false;
        options.ClientName ??= "discogsography";
        // A restarted Redis is reconnected to within about a second instead of after an exponential back-off.
        options.ReconnectRetryPolicy = new LinearRetry(500);
        return options;
    }

    /// <summary>The endpoints and database, for logs: never the password.</summary>
    public static string Describe(ConfigurationOptions options) =>
        string.Join(",", options.EndPoints.Select(e => e.ToString())) + "/"
            + (options.DefaultDatabase ?? 0).ToString(CultureInfo.InvariantCulture)
        + (options.ServiceName is { } service ? $" (sentinel service {service})" : "");

    private static ConfigurationOptions FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("redis" or "rediss") || uri.Host.Length == 0)
            throw new SettingsException("REDIS_HOST must be a URL like redis://[:password@]host:port/db, or a StackExchange.Redis configuration string");
        var (user, password) = SplitUserInfo(uri.UserInfo);
        var options = WithTimeouts(new ConfigurationOptions
        {
            User = user,
            Password = password,
            DefaultDatabase = ParseDatabase(uri.AbsolutePath),
            Ssl = uri.Scheme == "rediss",
        });
        options.EndPoints.Add(uri.Host.Trim('[', ']'), uri.IsDefaultPort || uri.Port <= 0 ? 6379 : uri.Port);
        return options;
    }

    private static ConfigurationOptions FromConfigurationString(string configuration)
    {
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(configuration);
        }
        catch (ArgumentException e)
        {
            throw new SettingsException($"REDIS_HOST is not a valid StackExchange.Redis configuration string: {e.Message}");
        }
        if (options.EndPoints.Count == 0)
            throw new SettingsException("REDIS_HOST names no Redis endpoint");
        // Timeouts the operator wrote in the string win; otherwise ours apply.
        return configuration.Contains("Timeout=", StringComparison.OrdinalIgnoreCase) ? options : WithTimeouts(options);
    }

    private static ConfigurationOptions WithTimeouts(ConfigurationOptions options)
    {
        var milliseconds = (int)Timeout.TotalMilliseconds;
        options.ConnectTimeout = milliseconds;
        options.SyncTimeout = milliseconds;
        options.AsyncTimeout = milliseconds;
        return options;
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
