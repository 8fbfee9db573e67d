using Discogsography.Host.Pipeline;
using Discogsography.ServiceInterface.Auth;
using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceInterface.RateLimiting;

namespace Discogsography.Host;

/// <summary>Bearer authentication and rate limiting.</summary>
internal static class ConfigureAuth
{
    public static void AddAuthentication(this IServiceCollection services, JwtSettings jwt)
    {
        services.AddSingleton(JwtCodec.FromSecret(jwt.SecretKey));
        services.AddSingleton<IAccessTokenAuthenticator, JwtAccessTokenAuthenticator>();
        services.AddSingleton<RequestAuthentication>();
        services.AddSingleton<RateLimiter>();
    }
}
