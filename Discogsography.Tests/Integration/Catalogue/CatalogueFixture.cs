using Discogsography.ServiceInterface.Catalogue.Import;
using Discogsography.ServiceInterface.Catalogue.Sample;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Catalogue;

/// <summary>
/// The catalogue the tests read: the real dump samples of <c>../shared/data</c> when they are there, otherwise a generated
/// sample, so every behaviour that does not name a real artist is still tested without them. Imported into the shared
/// database once; the oracle is read from the same files.
/// </summary>
internal static class CatalogueFixture
{
    private const string RealReleasesFile = "discogs_20200806_releases.xml.gz";

    private static readonly Lazy<string> DumpFolder = new(ChooseFolder);
    private static readonly Lazy<Task<DumpOracle>> Imported = new(ImportAsync);
    private static readonly Lazy<Task<DiscoveryOracle>> Discovery = new(async () => new DiscoveryOracle(await Imported.Value));

    /// <summary>The folder of the four dump files the catalogue is built from.</summary>
    public static string Folder => DumpFolder.Value;

    /// <summary>Whether <see cref="Folder"/> holds the real Discogs samples (tests naming real artists need them).</summary>
    public static bool IsRealDump => Folder == RealFolder;

    private static string RealFolder => Path.Combine(SharedData.Folder, "discogs");

    /// <summary>The oracle of the imported catalogue (imported on first use).</summary>
    public static Task<DumpOracle> OracleAsync() => Imported.Value;

    /// <summary>The discovery routes' oracle over the imported catalogue.</summary>
    public static Task<DiscoveryOracle> DiscoveryAsync() => Discovery.Value;

    /// <summary>The oracle of the real samples, or an ignored test naming the folder they were looked for in.</summary>
    public static Task<DumpOracle> RealOracleAsync()
    {
        if (!IsRealDump)
            SharedData.PathOf(Path.Combine("discogs", RealReleasesFile));
        return OracleAsync();
    }

    /// <summary>The dump file of <paramref name="kind"/> in <see cref="Folder"/>.</summary>
    public static DumpFile FileOf(DumpKind kind) => DumpFile.InDirectory(Folder).Single(f => f.Kind == kind);

    private static string ChooseFolder()
    {
        if (File.Exists(Path.Combine(RealFolder, RealReleasesFile)))
            return RealFolder;
        var generated = Path.Combine(TestContext.CurrentContext.WorkDirectory, "generated-dump");
        new SampleGenerator(new SampleOptions { Releases = 1000, Date = "20200101" }).WriteAll(generated);
        return generated;
    }

    /// <summary>What the shared catalogue records as its origin.</summary>
    public const string Origin = "the test fixture";

    private static async Task<DumpOracle> ImportAsync()
    {
        await TestImporter.ImportAsync(TestServers.Database, DumpFile.InDirectory(Folder), Origin);
        return DumpOracle.Load(Folder);
    }
}
