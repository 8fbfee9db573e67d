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
/// service. Errors are thrown and written by the one error mapper.
/// </summary>
internal sealed class OperationHandler(Operation operation, long maxBodyBytes)
{
    public async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        using var body = ReadsBody(context)
            ? await RequestBody.ReadAsync(context.Request, maxBodyBytes, context.RequestAborted)
            : RequestBody.None;
        var user = await services.GetRequiredService<RequestAuthentication>().AuthenticateAsync(operation.Auth, context);
        var request = await RequestValidation.BindAsync(operation, context, body);
        if (operation.RateLimit is { } rule)
            await services.GetRequiredService<RateLimiter>().HitAsync(operation.Key, ClientAddress.Of(context), rule, context.RequestAborted);
        var result = await operation.Invoker.InvokeAsync(services, new ServiceContext(context, user), request);
        await WriteAsync(context, result);
    }

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
