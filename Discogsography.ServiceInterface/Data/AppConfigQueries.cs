using Dapper;
using Npgsql;

namespace Discogsography.ServiceInterface.Data;

/// <summary>Queries over <c>app_config</c> (REFERENCE-API.md §6.2): key/value rows, values possibly Fernet tokens.</summary>
public sealed class AppConfigQueries(NpgsqlDataSource database)
{
    /// <summary>The stored values of <paramref name="keys"/> that exist.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Key, string Value)>(new CommandDefinition(
            "SELECT key, value FROM app_config WHERE key = ANY(@keys)", new { keys = keys.ToArray() },
            cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Key, r => r.Value);
    }

    /// <summary>Upserts each value in order, in one transaction, as <c>discogs-setup</c> does.</summary>
    public async Task SetAsync(IReadOnlyList<KeyValuePair<string, string>> values, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (key, value) in values)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO app_config (key, value, updated_at) VALUES (@key, @value, NOW())
                ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = NOW()
                """, new { key, value }, transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
