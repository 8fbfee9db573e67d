using Dapper;
using Npgsql;

namespace Discogsography.ServiceInterface.Data;

/// <summary>A row of <c>users</c>.</summary>
public sealed record UserRow
{
    public Guid Id { get; init; }
    public string Email { get; init; } = "";
    public string HashedPassword { get; init; } = "";
    public bool IsActive { get; init; }
    public bool IsAdmin { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public bool TotpEnabled { get; init; }
}

/// <summary>Queries over <c>users</c> (REFERENCE-API.md §12, plus our <c>is_admin</c>).</summary>
public sealed class UserQueries(NpgsqlDataSource database)
{
    private const string Columns = "id, email, hashed_password, is_active, is_admin, created_at, totp_enabled";

    public async Task<UserRow?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            $"SELECT {Columns} FROM users WHERE email = @email", new { email }, cancellationToken: cancellationToken));
    }

    public async Task<UserRow?> FindByIdAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            $"SELECT {Columns} FROM users WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Creates the user; null when the email is already registered.</summary>
    public async Task<Guid?> InsertAsync(string email, string hashedPassword, bool isAdmin, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition("""
            INSERT INTO users (email, hashed_password, is_admin) VALUES (@email, @hashedPassword, @isAdmin)
            ON CONFLICT (email) DO NOTHING
            RETURNING id
            """, new { email, hashedPassword, isAdmin }, cancellationToken: cancellationToken));
    }

    public async Task UpdatePasswordAsync(Guid id, string hashedPassword, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET hashed_password = @hashedPassword, password_changed_at = NOW(), updated_at = NOW() WHERE id = @id",
            new { id, hashedPassword }, cancellationToken: cancellationToken));
    }

    /// <summary>Grants or removes the admin role; false when the user does not exist.</summary>
    public async Task<bool> SetAdminAsync(Guid id, bool isAdmin, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET is_admin = @isAdmin, updated_at = NOW() WHERE id = @id",
            new { id, isAdmin }, cancellationToken: cancellationToken)) == 1;
    }
}
