using System.Globalization;

namespace Discogsography.Admin;

/// <summary>The Admin app's configuration, from the environment.</summary>
public sealed class AdminSettings
{
    /// <summary>The port the dashboard listens on (<c>ADMIN_PORT</c>, default 8003).</summary>
    public int Port { get; init; } = 8003;

    /// <summary>The address it binds (<c>BIND_ADDRESS</c>, default 127.0.0.1; the Docker image sets 0.0.0.0).</summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>Where the API is (<c>API_BASE_URL</c>, default <c>http://127.0.0.1:8004</c>).</summary>
    public Uri ApiBaseUrl { get; init; } = new("http://127.0.0.1:8004");

    /// <summary>How often live views (dashboard, running jobs) refresh themselves.</summary>
    public TimeSpan LiveRefreshInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The deployment environment (<c>ENVIRONMENT</c>, default development); logs are JSON unless development.</summary>
    public string Environment { get; init; } = "development";

    /// <summary>
    /// Reverse proxies in front of the dashboard whose <c>X-Forwarded-For</c> is believed (<c>TRUSTED_PROXIES</c>,
    /// addresses or CIDR networks; default none): the operator's address is what the dashboard forwards to the API.
    /// </summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];

    /// <summary>True in the development environment.</summary>
    public bool IsDevelopment => string.Equals(Environment, "development", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the settings; an invalid value throws with a message naming the variable.</summary>
    public static AdminSettings FromEnvironment(Func<string, string?> getVariable)
    {
        string? Plain(string name) => getVariable(name) is { Length: > 0 } value ? value : null;
        var defaults = new AdminSettings();
        var port = Plain("ADMIN_PORT") is { } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 65535 ? p
                : throw new ArgumentException($"ADMIN_PORT must be a port number, got '{text}'")
            : defaults.Port;
        var api = Plain("API_BASE_URL") ?? defaults.ApiBaseUrl.ToString();
        if (!Uri.TryCreate(api, UriKind.Absolute, out var apiUrl) || apiUrl.Scheme is not ("http" or "https"))
            throw new ArgumentException($"API_BASE_URL must be an http(s) URL, got '{api}'");
        return new AdminSettings
        {
            Port = port,
            BindAddress = Plain("BIND_ADDRESS") ?? defaults.BindAddress,
            ApiBaseUrl = apiUrl,
            Environment = Plain("ENVIRONMENT") ?? defaults.Environment,
            TrustedProxies = Plain("TRUSTED_PROXIES")?.Split(',',
                StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [],
        };
    }
}
