using Dapper;
using Npgsql;

namespace Discogsography.ServiceInterface.Data;

/// <summary>A row of <c>user_api_keys</c>; <see cref="EncryptedKey"/> is a Fernet token.</summary>
public sealed record ApiKeyRow
{
    public long Id { get; init; }
    public Guid UserId { get; init; }
    public string ServiceName { get; init; } = "";
    public string EncryptedKey { get; init; } = "";
    public string? ServiceUserId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>
/// Queries over <c>user_api_keys</c>. Every statement is scoped to the owner, so another user's id reads as
/// missing; a second key for the same service violates the unique key and reads as a duplicate.
/// </summary>
public sealed class ApiKeyQueries(NpgsqlDataSource database)
{
    private const string Columns = "id, user_id, service_name, encrypted_key, service_user_id, created_at, updated_at";
    private const string UniqueViolation = "23505";

    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<ApiKeyRow>(new CommandDefinition(
            $"SELECT {Columns} FROM user_api_keys WHERE user_id = @userId ORDER BY id", new { userId },
            cancellationToken: cancellationToken))).AsList();
    }

    public async Task<ApiKeyRow?> FindByServiceAsync(Guid userId, string serviceName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(new CommandDefinition(
            $"SELECT {Columns} FROM user_api_keys WHERE user_id = @userId AND service_name = @serviceName",
            new { userId, serviceName }, cancellationToken: cancellationToken));
    }

    /// <summary>The new row, or null when the user already has a key for the service.</summary>
    public async Task<ApiKeyRow?> CreateAsync(Guid userId, string serviceName, string encryptedKey, string? serviceUserId,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(new CommandDefinition($"""
            INSERT INTO user_api_keys (user_id, service_name, encrypted_key, service_user_id) VALUES (@userId, @serviceName, @encryptedKey, @serviceUserId)
            ON CONFLICT (user_id, service_name) DO NOTHING
            RETURNING {Columns}
            """, new { userId, serviceName, encryptedKey, serviceUserId }, cancellationToken: cancellationToken));
    }

    /// <summary>Replaces the user's key <paramref name="id"/>: the row, <see cref="ApiKeyUpdate.NotFound"/> or <see
    /// cref="ApiKeyUpdate.Duplicate"/>.</summary>
    public async Task<(ApiKeyUpdate Outcome, ApiKeyRow? Row)> UpdateAsync(long id, Guid userId, string serviceName, string encryptedKey,
        string? serviceUserId,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        try
        {
            var row = await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(new CommandDefinition($"""
                UPDATE user_api_keys SET service_name = @serviceName, encrypted_key = @encryptedKey, service_user_id = @serviceUserId, updated_at = NOW()
                WHERE id = @id AND user_id = @userId
                RETURNING {Columns}
                """, new { id, userId, serviceName, encryptedKey, serviceUserId }, cancellationToken: cancellationToken));
            return row is null ? (ApiKeyUpdate.NotFound, null) : (ApiKeyUpdate.Updated, row);
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation)
        {
            return (ApiKeyUpdate.Duplicate, null);
        }
    }

    /// <summary>Deletes the user's key <paramref name="id"/>; the service it was for, or null when there was none.</summary>
    public async Task<string?> DeleteAsync(long id, Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "DELETE FROM user_api_keys WHERE id = @id AND user_id = @userId RETURNING service_name", new { id, userId },
            cancellationToken: cancellationToken));
    }
}

/// <summary>What replacing a key did.</summary>
public enum ApiKeyUpdate
{
    Updated,
    NotFound,
    Duplicate,
}
