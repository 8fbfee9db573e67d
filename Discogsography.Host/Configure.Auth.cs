using Discogsography.Host.Pipeline;
using Discogsography.ServiceInterface.Audit;
using Discogsography.ServiceInterface.Auth;
using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceInterface.Maintenance;

namespace Discogsography.Host;

/// <summary>Accounts, tokens, sessions, roles, the audit log and their periodic clean-up.</summary>
internal static class ConfigureAuth
{
    public static void AddAuthentication(this IServiceCollection services, AppSettings settings)
    {
        services.AddSingleton(settings.Jwt);
        services.AddSingleton(settings.Security);
        services.AddSingleton(sp => settings.Jwt.IsConfigured
            ? JwtCodec.FromSecret(settings.Jwt.SecretKey, sp.GetRequiredService<TimeProvider>())
            : throw new SettingsException("JWT_SECRET_KEY is not set"));
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<AuthSessions>();
        services.AddSingleton<Revocations>();
        services.AddSingleton<AccountRoles>();
        services.AddSingleton<ServiceInterface.Admin.AdministratorAccounts>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<IAccessTokenAuthenticator, JwtAccessTokenAuthenticator>();
        services.AddSingleton<RequestAuthentication>();
        services.AddSingleton<MaintenanceJob>();
        services.AddHostedService<MaintenanceWorker>();
    }
}
