using Discogsography.ServiceInterface.Infrastructure;
using Npgsql;

namespace Discogsography.ServiceInterface.Catalogue.Discovery;

/// <summary>
/// A discovery query that runs out of time answers 504 with the route's message (REFERENCE-UPSTREAM.md §0.3), never a
/// 500: PostgreSQL's <c>statement_timeout</c> (SQLSTATE 57014), Npgsql's command timeout, or the route's own budget.
/// A client that went away is not a timeout.
/// </summary>
public static class QueryTimeouts
{
    public static async Task<T> Within<T>(Func<CancellationToken, Task<T>> query, TimeSpan? budget, string message,
        CancellationToken aborted)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        if (budget is { } time)
            limit.CancelAfter(time);
        try
        {
            return await query(limit.Token);
        }
        catch (Exception e) when (!aborted.IsCancellationRequested && IsTimeout(e))
        {
            throw HttpError.Status(504, message, ServiceModel.ErrorBodyStyle.Error);
        }
    }

    private static bool IsTimeout(Exception e) => e switch
    {
        PostgresException { SqlState: PostgresErrorCodes.QueryCanceled } => true,
        NpgsqlException { InnerException: TimeoutException } => true,
        OperationCanceledException => true,
        _ => false,
    };
}
