using Dapper;
using Npgsql;

namespace Discogsography.ServiceInterface.Data;

/// <summary>A user's Discogs connection as stored (token and secret possibly Fernet tokens).</summary>
public sealed record OAuthTokenRow
{
    public string AccessToken { get; init; } = "";
    public string AccessSecret { get; init; } = "";
    public string? ProviderUsername { get; init; }
    public string? ProviderUserId { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>Queries over <c>oauth_tokens</c> (REFERENCE-API.md §12), provider <c>discogs</c>.</summary>
public sealed class OAuthTokenQueries(NpgsqlDataSource database)
{
    public const string Discogs = "discogs";

    public async Task<OAuthTokenRow?> GetAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<OAuthTokenRow>(new CommandDefinition("""
            SELECT access_token, access_secret, provider_username, provider_user_id, updated_at
            FROM oauth_tokens WHERE user_id = @userId AND provider = @provider
            """, new { userId, provider = Discogs }, cancellationToken: cancellationToken));
    }

    /// <summary>Stores the connection, replacing an earlier one (key <c>(user_id, provider)</c>).</summary>
    public async Task UpsertAsync(Guid userId, string accessToken, string accessSecret, string username, string userIdOnDiscogs,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO oauth_tokens (user_id, provider, access_token, access_secret, provider_username, provider_user_id, updated_at)
            VALUES (@userId, @provider, @accessToken, @accessSecret, @username, @userIdOnDiscogs, NOW())
            ON CONFLICT (user_id, provider) DO UPDATE SET
                access_token = EXCLUDED.access_token, access_secret = EXCLUDED.access_secret,
                provider_username = EXCLUDED.provider_username, provider_user_id = EXCLUDED.provider_user_id, updated_at = NOW()
            """, new { userId, provider = Discogs, accessToken, accessSecret, username, userIdOnDiscogs }, cancellationToken: cancellationToken));
    }

    /// <summary>Removes the connection; true when there was one.</summary>
    public async Task<bool> DeleteAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM oauth_tokens WHERE user_id = @userId AND provider = @provider",
            new { userId, provider = Discogs }, cancellationToken: cancellationToken)) > 0;
    }
}
