using MailKit.Security;
using MimeKit;

namespace Discogsography.ServiceInterface.Configuration;

/// <summary>
/// Where e-mail goes (password resets): an SMTP server (<c>SMTP_*</c>), and the public address links point at
/// (<c>PUBLIC_BASE_URL</c>). Without <c>SMTP_HOST</c> nothing is sent: the link is logged, in development only.
/// </summary>
public sealed record MailSettings
{
    /// <summary><c>SMTP_HOST</c>; null when no SMTP server is configured.</summary>
    public string? Host { get; init; }

    /// <summary><c>SMTP_PORT</c> (default 587, submission).</summary>
    public int Port { get; init; } = 587;

    /// <summary><c>SMTP_USERNAME</c>; null to send without authenticating.</summary>
    public string? Username { get; init; }

    /// <summary><c>SMTP_PASSWORD</c> (a secret: <c>SMTP_PASSWORD_FILE</c> works too).</summary>
    public string? Password { get; init; }

    /// <summary><c>SMTP_FROM</c>: the sender, e.g. <c>Discogsography &lt;noreply@example.org&gt;</c>.</summary>
    public string From { get; init; } = "Discogsography <noreply@localhost>";

    /// <summary><c>SMTP_TLS</c>: <c>starttls</c> (default), <c>tls</c> (TLS from the first byte, port 465) or <c>none</c>.</summary>
    public SecureSocketOptions Tls { get; init; } = SecureSocketOptions.StartTls;

    /// <summary><c>PUBLIC_BASE_URL</c>: where users open the frontend; links in e-mails are built on it.</summary>
    public Uri PublicBaseUrl { get; init; } = new("http://localhost:3000/");

    public bool SmtpConfigured => Host is not null;

    public static MailSettings Read(EnvironmentReader env)
    {
        var defaults = new MailSettings();
        var from = env.Plain("SMTP_FROM") ?? defaults.From;
        if (!MailboxAddress.TryParse(from, out _))
            throw new SettingsException($"SMTP_FROM must be an e-mail address, optionally with a name (\"Name <address>\"), got '{from}'");
        var tls = env.Plain("SMTP_TLS")?.ToLowerInvariant() switch
        {
            null or "starttls" => SecureSocketOptions.StartTls,
            "tls" => SecureSocketOptions.SslOnConnect,
            "none" => SecureSocketOptions.None,
            var other => throw new SettingsException($"SMTP_TLS must be starttls, tls or none, got '{other}'"),
        };
        var baseUrl = env.Plain("PUBLIC_BASE_URL") ?? defaults.PublicBaseUrl.ToString();
        if (!Uri.TryCreate(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/", UriKind.Absolute, out var publicBase)
            || publicBase.Scheme is not ("http" or "https"))
            throw new SettingsException($"PUBLIC_BASE_URL must be an absolute http(s) URL, got '{baseUrl}'");
        return new MailSettings
        {
            Host = env.Plain("SMTP_HOST"),
            Port = env.Port("SMTP_PORT", defaults.Port),
            Username = env.Plain("SMTP_USERNAME"),
            Password = env.Secret("SMTP_PASSWORD"),
            From = from,
            Tls = tls,
            PublicBaseUrl = publicBase,
        };
    }
}
