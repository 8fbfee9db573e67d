using Dapper;
using Discogsography.ServiceInterface.Configuration;
using Npgsql;

namespace Discogsography.ServiceInterface.Data;

/// <summary>Builds the one <see cref="NpgsqlDataSource"/> of the process and configures Dapper once.</summary>
public static class PostgresDataSource
{
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
    public static string ConnectionString(PostgresSettings settings) => new NpgsqlConnectionStringBuilder
    {
        Host = settings.Host,
        Port = settings.Port,
        Username = settings.Username,
        Password = settings.Password,
        Database = settings.Database,
        Timeout = ConnectTimeoutSeconds,
        CommandTimeout = CommandTimeoutSeconds,
        ApplicationName = "discogsography",
        MaxPoolSize = 20,
        Options = $"-c pg_trgm.similarity_threshold={TrigramSimilarityThreshold}",
        // Statements run twice are prepared: the graph queries spend longer planning than executing.
        MaxAutoPrepare = 64,
        AutoPrepareMinUsages = 2,
    }.ConnectionString;

    /// <summary>Creates the data source.</summary>
    public static NpgsqlDataSource Create(PostgresSettings settings)
    {
        ConfigureDapper();
        return new NpgsqlDataSourceBuilder(ConnectionString(settings)).Build();
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
