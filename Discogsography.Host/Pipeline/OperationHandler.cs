using System.Text.Json;
using Discogsography.Host.Pipeline.Binding;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceInterface.RateLimiting;
using Discogsography.ServiceModel;
using Discogsography.ServiceModel.Serialization;

namespace Discogsography.Host.Pipeline;

/// <summary>
/// Answers one request for an <see cref="Operation"/> in the reference's order of checks (REFERENCE-API.md §2.5):
/// parse the JSON body, authenticate, validate path/query/body together, count the rate limit, then call the
/// service. Errors are thrown and written by the one error mapper. Its collaborators (authentication, the validator,
/// the rate limiter) are resolved once, when the route is mapped; only the service itself is per request.
/// </summary>
internal sealed class OperationHandler(Operation operation, IServiceProvider services)
{
    private readonly RequestAuthentication authentication = services.GetRequiredService<RequestAuthentication>();
    private readonly RateLimiter rateLimiter = services.GetRequiredService<RateLimiter>();
    private readonly FluentValidation.IValidator? validator = services.GetService(operation.ValidatorType) as FluentValidation.IValidator;

    public async Task HandleAsync(HttpContext context)
    {
        using var body = ReadsBody(context)
            ? await RequestBody.ReadAsync(context.Request, context.RequestAborted)
            : RequestBody.None;
        var user = await authentication.AuthenticateAsync(operation.Auth, context);
        var request = await RequestValidation.BindAndValidateAsync(operation, validator, context, body);
        foreach (var limit in operation.RateLimits)
        {
            if (limit.Scope == RateLimitScope.AppToken && user?.AppTokenId is null)
                continue;
            await rateLimiter.HitAsync(operation.Key, SubjectOf(limit.Scope, context, user), limit.Rule, context.RequestAborted);
        }
        var serviceContext = new ServiceContext(ClientAddress.Of(context), ClientAddress.UserAgentOf(context), user,
            context.RequestAborted);
        var result = await operation.Invoker.InvokeAsync(context.RequestServices, serviceContext, request);
        await WriteAsync(context, result);
    }

    /// <summary>What a limit counts by: the client's network, the user (anonymous callers by their network), or the app token.</summary>
    private static string SubjectOf(RateLimitScope scope, HttpContext context, AuthenticatedUser? user) => scope switch
    {
        RateLimitScope.AppToken when user?.AppTokenId is { } tokenId => $"app-token:{tokenId}",
        RateLimitScope.User when user is not null => $"user:{user.UserId}",
        _ => ClientAddress.RateLimitSubjectOf(context),
    };

    private bool ReadsBody(HttpContext context) =>
        RequestRoute.HasBody(context.Request.Method) && operation.Request.OtherFields.Count > 0;

    private async Task WriteAsync(HttpContext context, object? result)
    {
        context.Response.StatusCode = operation.SuccessStatus;
        if (operation.ResponseType is null || operation.SuccessStatus == StatusCodes.Status204NoContent)
            return;
        await JsonResponse.WriteAsync(context.Response, result, operation.ResponseType);
    }
}

/// <summary>Writes JSON bodies in the wire format with a Content-Length, like Starlette's JSONResponse.</summary>
internal static class JsonResponse
{
    public static async Task WriteAsync(HttpResponse response, object? value, Type type)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, type, WireJson.Options);
        response.ContentType = "application/json";
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, response.HttpContext.RequestAborted);
    }
}
