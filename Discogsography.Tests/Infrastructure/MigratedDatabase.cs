using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Discogsography.Tests.Infrastructure;

/// <summary>A fresh database with every migration applied and a data source on it; both go away on dispose.</summary>
public sealed class MigratedDatabase : IAsyncDisposable
{
    private readonly TestDatabase database;

    private MigratedDatabase(TestDatabase database, NpgsqlDataSource dataSource)
    {
        this.database = database;
        DataSource = dataSource;
    }

    public PostgresSettings Settings => database.Settings;

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Creates the database on <paramref name="server"/> (the shared test server by default) and migrates it.</summary>
    public static async Task<MigratedDatabase> CreateAsync(string purpose, PostgresSettings? server = null)
    {
        var database = await TestDatabase.CreateAsync(server ?? TestServers.PostgresServer, purpose);
        var dataSource = PostgresDataSource.Create(database.Settings);
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
        return new MigratedDatabase(database, dataSource);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await database.DisposeAsync();
    }
}
