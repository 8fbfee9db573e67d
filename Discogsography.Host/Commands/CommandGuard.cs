using Discogsography.ServiceInterface.Catalogue.Import;
using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Data;
using Npgsql;

namespace Discogsography.Host.Commands;

/// <summary>Turns the failures an operator can fix into one line on stderr and exit code 1, without a stack trace.</summary>
internal static class CommandGuard
{
    public static async Task<int> RunAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is SettingsException or MigrationException or DumpFormatException or ImportInProgressException
                                       or ServiceInterface.Infrastructure.ServiceMisconfiguredException)
        {
            return Fail(e.Message);
        }
        catch (NpgsqlException e) when (e is not PostgresException)
        {
            return Fail($"PostgreSQL is unreachable: {e.Message}");
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }
}
