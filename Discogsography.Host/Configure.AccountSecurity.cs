using Discogsography.ServiceInterface.Auth;
using Discogsography.ServiceInterface.Auth.TwoFactor;
using Discogsography.ServiceInterface.Auth.AppTokens;
using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Mail;

namespace Discogsography.Host;

/// <summary>Password changes and resets, the e-mail that carries reset links (sent in the background), two-factor
/// sign-in and app tokens.</summary>
internal static class ConfigureAccountSecurity
{
    public static void AddAccountSecurity(this IServiceCollection services, AppSettings settings)
    {
        var mail = settings.Mail;
        services.AddSingleton(mail);
        services.AddSingleton<MailOutbox>();
        services.AddSingleton<SmtpMailer>();
        services.AddHostedService<MailDispatcher>();
        services.AddSingleton<PasswordChanges>();
        services.AddSingleton<PasswordResets>();
        services.AddSingleton(sp => TotpSecrets.Create(settings.EncryptionMasterKey, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TotpCodes>();
        services.AddSingleton<TwoFactorChallenges>();
        services.AddSingleton<AppTokenAuthenticator>();
    }
}
