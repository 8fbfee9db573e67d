using Discogsography.ServiceInterface.Configuration;
using Npgsql;

namespace Discogsography.Tests.Infrastructure;

/// <summary>A fresh PostgreSQL database on the test server, dropped on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly PostgresSettings server;

    private TestDatabase(PostgresSettings server, string name)
    {
        this.server = server;
        Settings = server with { Database = name };
    }

    /// <summary>Connection settings for the new database.</summary>
    public PostgresSettings Settings { get; }

    /// <summary>Creates an empty database named after <paramref name="purpose"/>.</summary>
    public static async Task<TestDatabase> CreateAsync(PostgresSettings server, string purpose)
    {
        var name = $"dgtest_{purpose}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await ExecuteOnServerAsync(server, $"CREATE DATABASE \"{name}\"");
        return new TestDatabase(server, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync(server, $"DROP DATABASE IF EXISTS \"{Settings.Database}\" WITH (FORCE)");
    }

    private static async Task ExecuteOnServerAsync(PostgresSettings server, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(ServiceInterface.Data.PostgresDataSource.ConnectionString(server)) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
