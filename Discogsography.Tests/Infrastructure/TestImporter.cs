using Discogsography.ServiceInterface.Catalogue.Import;
using Discogsography.ServiceInterface.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Discogsography.Tests.Infrastructure;

/// <summary>Catalogue importers for tests, planned as on a many-core machine so every import exercises the connection bound.</summary>
public static class TestImporter
{
    /// <summary>The cores tests pretend to have: more than the import pool has connections.</summary>
    public const int ManyCores = 64;

    public static readonly BuildBudget Budget = BuildBudget.For(ManyCores, PostgresDataSource.ImportPoolSize, totalMemoryMegabytes: 256);

    public static CatalogueImporter For(NpgsqlDataSource database, CatalogueShape? shape = null) =>
        new(database, TimeProvider.System, Budget, shape ?? new CatalogueShape());

    /// <summary>Imports <paramref name="files"/> into <paramref name="database"/>, progress unlogged.</summary>
    public static Task ImportAsync(NpgsqlDataSource database, IReadOnlyList<DumpFile> files, string origin = "tests",
        CatalogueShape? shape = null) =>
        For(database, shape).ImportAsync(files, origin, new LogImportProgress(NullLogger.Instance), CancellationToken.None);
}
