using System.Collections.Concurrent;
using Discogsography.Host.Pipeline;

namespace Discogsography.Host.Middleware;

/// <summary>
/// Notices an operation answering an error status its OpenAPI description does not list (<see cref="OperationStatuses"/>),
/// logs it and keeps it, so the document cannot silently fall behind the code: the test suite fails on any.
/// </summary>
internal sealed partial class UndocumentedStatusMonitor(RequestDelegate next, OperationCatalog operationCatalog,
    ILogger<UndocumentedStatusMonitor> logger)
{
    private readonly Dictionary<Operation, IReadOnlyDictionary<int, string>> documented = operationCatalog.Operations.ToDictionary(o => o,
        OperationStatuses.ErrorsOf);

    /// <summary>"Operation status" pairs seen so far by every host of this process (tests read it).</summary>
    public static ConcurrentDictionary<string, byte> Seen { get; } = new();

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var status = context.Response.StatusCode;
        if (status < StatusCodes.Status400BadRequest || status == StatusCodes.Status500InternalServerError
            || context.GetEndpoint()?.Metadata.GetMetadata<Operation>() is not { } operation)
            return;
        if (documented[operation].ContainsKey(status))
            return;
        if (Seen.TryAdd($"{operation.Name} {status}", 0))
            LogUndocumented(logger, operation.Name, status);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Operation} answered {Status}, which its OpenAPI description does not list")]
    private static partial void LogUndocumented(ILogger logger, string operation, int status);
}
