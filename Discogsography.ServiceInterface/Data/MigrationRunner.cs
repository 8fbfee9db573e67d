using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Discogsography.ServiceInterface.Data;

/// <summary>What a migration run did.</summary>
/// <param name="Applied">Versions applied by this run.</param>
/// <param name="AlreadyApplied">Versions found already applied.</param>
public sealed record MigrationOutcome(IReadOnlyList<int> Applied, IReadOnlyList<int> AlreadyApplied);

/// <summary>A migration was edited after it was applied, or failed; startup stops with this message.</summary>
public sealed class MigrationException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Applies pending <see cref="Migration"/>s, each in its own transaction, recording them in
/// <c>schema_migrations</c>. A session-level advisory lock serializes instances: a second instance waits, then
/// finds everything applied — two instances migrating at once is safe.
/// </summary>
public sealed partial class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger)
{
    /// <summary>The advisory lock key: "DISCOGSY" read as a 64-bit integer, unlikely to collide with anything else.</summary>
    public const long AdvisoryLockKey = 0x444953434F475359;

    private static readonly TimeSpan StatementTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Applies every pending migration of <see cref="Migration.All"/>.</summary>
    public Task<MigrationOutcome> MigrateAsync(CancellationToken cancellationToken) => MigrateAsync(Migration.All, cancellationToken);

    /// <summary>Applies every pending migration of <paramref name="migrations"/>.</summary>
    public async Task<MigrationOutcome> MigrateAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await AcquireLockAsync(connection, cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(CreateHistoryTable, cancellationToken: cancellationToken));
            var applied = (await connection.QueryAsync<AppliedMigration>(new CommandDefinition(SelectApplied,
                cancellationToken: cancellationToken)))
                .ToDictionary(m => m.Version);
            var done = new List<int>();
            foreach (var migration in migrations)
            {
                if (applied.TryGetValue(migration.Version, out var existing))
                    EnsureUnchanged(migration, existing);
                else
                    done.Add(await ApplyAsync(connection, migration, cancellationToken));
            }
            return new MigrationOutcome(done, applied.Keys.Order().ToArray());
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey },
                cancellationToken: CancellationToken.None));
        }
    }

    private async Task AcquireLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var args = new { key = AdvisoryLockKey };
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_try_advisory_lock(@key)", args,
            cancellationToken: cancellationToken)))
            return;
        LogWaitingForLock(logger);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", args, commandTimeout: 0,
            cancellationToken: cancellationToken));
    }

    private async Task<int> ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction,
                commandTimeout: (int)StatementTimeout.TotalSeconds, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(InsertApplied,
                new { version = migration.Version, name = migration.Name, checksum = migration.Checksum },
                transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException e)
        {
            throw new MigrationException($"Migration {migration.Version:0000}_{migration.Name} failed: {e.MessageText}", e);
        }
        LogApplied(logger, migration.Version, migration.Name);
        return migration.Version;
    }

    private static void EnsureUnchanged(Migration migration, AppliedMigration applied)
    {
        if (applied.Checksum != migration.Checksum)
            throw new MigrationException(
                $"Migration {migration.Version:0000}_{migration.Name} was changed after it was applied; add a new migration instead of editing it.");
    }

    private const string CreateHistoryTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            checksum   TEXT NOT NULL,
            applied_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
        )
        """;

    private const string SelectApplied = "SELECT version, checksum FROM schema_migrations";

    private const string InsertApplied = "INSERT INTO schema_migrations (version, name, checksum) VALUES (@version, @name, @checksum)";

    private sealed record AppliedMigration(int Version, string Checksum);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another instance is migrating the database; waiting for it to finish")]
    private static partial void LogWaitingForLock(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version} {Name}")]
    private static partial void LogApplied(ILogger logger, int version, string name);
}
