using Discogsography.ServiceInterface.Catalog.Import;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Catalog;

/// <summary>Imports the real dump samples into the shared database once, and loads the oracle from the same files.</summary>
internal static class CatalogFixture
{
    private static readonly Lazy<Task<DumpOracle>> Imported = new(ImportAsync);

    public static string Folder => Path.GetDirectoryName(SharedData.PathOf(Path.Combine("discogs", "discogs_20200806_releases.xml.gz")))!;

    /// <summary>The oracle of the imported samples (imported on first use; ignored when the samples are absent).</summary>
    public static Task<DumpOracle> OracleAsync()
    {
        _ = Folder;
        return Imported.Value;
    }

    private static async Task<DumpOracle> ImportAsync()
    {
        var importer = new CatalogImporter(TestServers.Database, TimeProvider.System);
        await importer.ImportAsync(DumpFile.InDirectory(Folder), new LogImportProgress(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance), CancellationToken.None);
        return DumpOracle.Load(Folder);
    }
}
