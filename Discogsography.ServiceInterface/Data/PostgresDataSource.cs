using Dapper;
using Discogsography.ServiceInterface.Configuration;
using Npgsql;

namespace Discogsography.ServiceInterface.Data;

/// <summary>
/// Builds the process's <see cref="NpgsqlDataSource"/>s and configures Dapper once. Requests use the main pool; a
/// catalogue import has a pool of its own of half that size, so however many cores the build uses it can never take
/// a connection a request needs; job heartbeats have a small pool of their own, so neither requests nor an import
/// can delay them until the job looks abandoned. Each pool has its own <c>application_name</c> in
/// <c>pg_stat_activity</c>.
/// </summary>
public static class PostgresDataSource
{
    /// <summary>Connections the main pool (requests, job bookkeeping) may open.</summary>
    public const int MaxPoolSize = 20;

    /// <summary>The DI key of the import pool (<see cref="ImportPoolSize"/> connections, <c>discogsography-import</c>).</summary>
    public const string Import = "import";

    /// <summary>The DI key of the heartbeat pool (<see cref="HeartbeatPoolSize"/> connections, <c>discogsography-heartbeat</c>).</summary>
    public const string Heartbeats = "heartbeats";

    /// <summary>Connections an import (load, build, switch) may open: half the main pool.</summary>
    public const int ImportPoolSize = MaxPoolSize / 2;

    /// <summary>Connections job heartbeats may open: one statement each, a few per instance.</summary>
    public const int HeartbeatPoolSize = 2;

    /// <summary>Seconds a connection attempt may take: a down database answers 503 quickly instead of hanging.</summary>
    public const int ConnectTimeoutSeconds = 5;

    /// <summary>Seconds an ordinary statement may run.</summary>
    public const int CommandTimeoutSeconds = 30;

    /// <summary>
    /// The pg_trgm similarity autocomplete's fuzzy matches need (<c>%</c>; the default 0.3 lets too many near-misses
    /// through on big catalogues). Set for every connection, so a fuzzy query is one round trip.
    /// </summary>
    public const string TrigramSimilarityThreshold = "0.4";

    /// <summary>The connection string for <paramref name="settings"/> (the password is never logged by Npgsql).</summary>
    public static string ConnectionString(PostgresSettings settings, string applicationName = "discogsography",
        int maxPoolSize = MaxPoolSize) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = settings.Host,
            Port = settings.Port,
            Username = settings.Username,
            Password = settings.Password,
            Database = settings.Database,
            Timeout = ConnectTimeoutSeconds,
            CommandTimeout = CommandTimeoutSeconds,
            ApplicationName = applicationName,
            MaxPoolSize = maxPoolSize,
            Options = $"-c pg_trgm.similarity_threshold={TrigramSimilarityThreshold}",
            // Statements run twice are prepared: the graph queries spend longer planning than executing.
            MaxAutoPrepare = 64,
            AutoPrepareMinUsages = 2,
        }.ConnectionString;

    /// <summary>Creates the main data source.</summary>
    public static NpgsqlDataSource Create(PostgresSettings settings) => Create(ConnectionString(settings));

    /// <summary>Creates the import pool's data source.</summary>
    public static NpgsqlDataSource CreateForImports(PostgresSettings settings) =>
        Create(ConnectionString(settings, "discogsography-import", ImportPoolSize));

    /// <summary>Creates the heartbeat pool's data source.</summary>
    public static NpgsqlDataSource CreateForHeartbeats(PostgresSettings settings) =>
        Create(ConnectionString(settings, "discogsography-heartbeat", HeartbeatPoolSize));

    private static NpgsqlDataSource Create(string connectionString)
    {
        ConfigureDapper();
        return new NpgsqlDataSourceBuilder(connectionString).Build();
    }

    private static readonly Lazy<bool> DapperConfigured = new(() =>
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new DateTimeOffsetTypeHandler());
        return true;
    });

    /// <summary>Dapper's process-wide settings, applied once: snake_case columns and UTC timestamps.</summary>
    public static void ConfigureDapper() => _ = DapperConfigured.Value;
}
