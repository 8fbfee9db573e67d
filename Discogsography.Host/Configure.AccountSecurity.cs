using Discogsography.ServiceInterface.Auth;
using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Mail;

namespace Discogsography.Host;

/// <summary>Password changes and resets, and the e-mail that carries reset links (sent in the background).</summary>
internal static class ConfigureAccountSecurity
{
    public static void AddAccountSecurity(this IServiceCollection services, MailSettings mail)
    {
        services.AddSingleton(mail);
        services.AddSingleton<MailOutbox>();
        services.AddSingleton<SmtpMailer>();
        services.AddHostedService<MailDispatcher>();
        services.AddSingleton<PasswordChanges>();
        services.AddSingleton<PasswordResets>();
    }
}
