using System.Text.Encodings.Web;
using Discogsography.ServiceInterface.Health;
using Discogsography.ServiceModel.Serialization;

namespace Discogsography.Host;

/// <summary>
/// The stand-alone health port (<c>HEALTH_PORT</c>, 8005): only <c>GET /health</c>, answered with the payload of
/// the API's <c>/health</c>, byte for byte the same compact JSON (the reference's health server spaced its separators as
/// <c>json.dumps</c> does; JSON readers see no difference, people comparing the two ports did), other paths 404 with
/// an empty body, other methods 501 — like the reference's <c>http.server</c>.
/// </summary>
internal static class ConfigureHealthChecks
{
    public static void UseHealthPort(this IApplicationBuilder app, int healthPort) =>
        app.MapWhen(context => context.Connection.LocalPort == healthPort, branch => branch.Run(AnswerAsync));

    private static async Task AnswerAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status501NotImplemented;
            context.Response.ContentType = "text/html;charset=utf-8";
            await context.Response.WriteAsync($"<html><body><h1>Error response</h1><p>Error code: 501</p><p>Message: Unsupported method ('{HtmlEncoder.Default.Encode(context.Request.Method)}').</p></body></html>");
            return;
        }
        if (context.Request.Path != "/health")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var report = HealthReport.Healthy(context.RequestServices.GetRequiredService<TimeProvider>());
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(report, WireJson.Options),
            context.RequestAborted);
    }
}
