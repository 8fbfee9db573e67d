using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Discogs;
using Discogsography.ServiceInterface.Security;

namespace Discogsography.Host;

/// <summary>Secrets at rest, the app credentials and the Discogs HTTP client.</summary>
internal static class ConfigureDiscogs
{
    public static void AddDiscogs(this IServiceCollection services, AppSettings settings)
    {
        services.AddSingleton(sp =>
            SecretProtector.Create(settings.OAuthEncryptionKey, sp.GetRequiredService<TimeProvider>(), settings.EncryptionMasterKey));
        services.AddSingleton(settings.Discogs);
        services.AddSingleton(new DiscogsRetryOptions());
        services.AddSingleton(sp =>
            DiscogsRetryPolicy.Create(sp.GetRequiredService<DiscogsRetryOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<DiscogsAppCredentials>();
        services.AddHttpClient<DiscogsClient>(http => http.Timeout = TimeSpan.FromMinutes(5));
    }
}
