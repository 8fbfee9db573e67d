using Discogsography.Host.Middleware;

namespace Discogsography.Host;

/// <summary>CORS for <c>CORS_ORIGINS</c>, answered before routing so preflights of every route get the same headers.</summary>
internal static class ConfigureCors
{
    public static void UseCorsOrigins(this IApplicationBuilder app, IReadOnlyList<string> origins) =>
        app.UseMiddleware<CorsMiddleware>(origins);
}
