using Discogsography.ServiceInterface.Configuration;
using MailKit.Net.Smtp;
using MimeKit;

namespace Discogsography.ServiceInterface.Mail;

/// <summary>Sends one message over SMTP with MailKit (a connection per message: resets are rare).</summary>
public sealed class SmtpMailer(MailSettings settings)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new BodyBuilder { HtmlBody = mail.Html, TextBody = mail.Text }.ToMessageBody();
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("SMTP_HOST is not set"), settings.Port,
            settings.Tls, cancellationToken);
        if (settings.Username is { } username)
            await client.AuthenticateAsync(username, settings.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
