using System.Net;

namespace Discogsography.ServiceInterface.Mail;

/// <summary>The password-reset message (REFERENCE-UPSTREAM.md §B.1), with an absolute link where the upstream's was relative.</summary>
public static class PasswordResetMail
{
    public const string Subject = "Reset your Discogsography password";

    /// <summary>The link the frontend opens its reset form from: <c>?reset_token=</c> on the public base URL.</summary>
    public static Uri LinkFor(Uri publicBaseUrl, string token) => new(publicBaseUrl, "?reset_token=" + Uri.EscapeDataString(token));

    public static OutgoingMail Compose(string to, Uri link)
    {
        var href = WebUtility.HtmlEncode(link.ToString());
        var html = $"""
            <html><body style="font-family: sans-serif">
            <h2>Reset Your Password</h2>
            <p>A password reset was requested for your Discogsography account.</p>
            <p><a href="{href}" style="display: inline-block; padding: 10px 18px; background: #1f6feb; color: #ffffff; text-decoration: none; border-radius: 6px">Reset password</a></p>
            <p>This link expires in 15 minutes. If you didn't request this, you can safely ignore this email.</p>
            <p>— Discogsography</p>
            </body></html>
            """;
        var text = $"""
            A password reset was requested for your Discogsography account.

            Reset your password: {link}

            This link expires in 15 minutes. If you didn't request this, you can safely ignore this email.

            — Discogsography
            """;
        return new OutgoingMail(to, Subject, html, text, "password reset link", link.ToString());
    }
}
