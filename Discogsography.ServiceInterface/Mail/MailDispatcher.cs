using Discogsography.ServiceInterface.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Discogsography.ServiceInterface.Mail;

/// <summary>
/// Sends what <see cref="MailOutbox"/> holds, one message at a time, trying each three times with a growing pause. A
/// message that cannot be sent is logged without its content. With no SMTP server configured, a development host
/// logs the message's loggable text (so the reset flow can be tried by hand) and any other host only says that
/// nothing was sent.
/// </summary>
public sealed partial class MailDispatcher(MailOutbox outbox, SmtpMailer mailer, MailSettings mail, HostingSettings hosting,
    ILogger<MailDispatcher> logger)
    : BackgroundService
{
    private const int Attempts = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in outbox.Reader.ReadAllAsync(stoppingToken))
        {
            if (!mail.SmtpConfigured)
                LogUnsent(message);
            else
                await SendAsync(message, stoppingToken);
        }
    }

    private void LogUnsent(OutgoingMail message)
    {
        if (hosting.IsDevelopment)
            LogDevelopmentMail(logger, message.Kind, message.To, message.LoggableText);
        else
            LogNotSent(logger, message.Kind, message.To);
    }

    private async Task SendAsync(OutgoingMail message, CancellationToken stoppingToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                await mailer.SendAsync(message, stoppingToken);
                LogSent(logger, message.Kind, message.To);
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogSendFailed(logger, message.Kind, message.To, attempt, Attempts, e.Message);
                if (attempt < Attempts)
                    await Task.Delay(TimeSpan.FromSeconds(attempt * 2), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No SMTP server configured (development): {Kind} for {To}: {Text}")]
    private static partial void LogDevelopmentMail(ILogger logger, string kind, string to, string text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No SMTP server configured: the {Kind} for {To} was not sent (set SMTP_HOST)")]
    private static partial void LogNotSent(ILogger logger, string kind, string to);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent the {Kind} to {To}")]
    private static partial void LogSent(ILogger logger, string kind, string to);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the {Kind} to {To} (attempt {Attempt} of {Attempts}): {Reason}")]
    private static partial void LogSendFailed(ILogger logger, string kind, string to, int attempt, int attempts, string reason);
}
