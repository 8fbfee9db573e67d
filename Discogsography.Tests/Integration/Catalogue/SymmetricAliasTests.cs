using Discogsography.ServiceInterface.Catalogue;
using Discogsography.ServiceInterface.Catalogue.Import;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Catalogue;

/// <summary>
/// "Aliases &amp; Members" is one distinct set whichever record names the alias: on a partial dump an alias may be
/// listed only on the other artist's record. A hand-written artists file, imported into a database of its own.
/// </summary>
public sealed class SymmetricAliasTests
{
    // Alpha names Beta as an alias; Beta's record names nobody. Gamma names Delta, which has no record at all.
    // Epsilon is a group with member Alpha; Alpha names Epsilon too (one entry, not two).
    private const string Artists = """
        <artists>
        <artist><id>1</id><name>Alpha</name><aliases><name id="2">Beta</name><name id="5">Epsilon</name></aliases></artist>
        <artist><id>2</id><name>Beta</name></artist>
        <artist><id>3</id><name>Gamma</name><aliases><name id="4">Delta</name></aliases></artist>
        <artist><id>5</id><name>Epsilon</name><members><id>1</id><name id="1">Alpha</name></members></artist>
        </artists>
        """;

    private MigratedDatabase database = null!;
    private PostgresGraphStore graph = null!;
    private DumpOracle oracle = null!;
    private string folder = null!;

    [OneTimeSetUp]
    public async Task ImportAsync()
    {
        folder = Directory.CreateTempSubdirectory("aliases").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "discogs_20200806_artists.xml"), Artists);
        database = await MigratedDatabase.CreateAsync("aliases");
        await TestImporter.ImportAsync(database.DataSource, DumpFile.InDirectory(folder));
        graph = new PostgresGraphStore(database.DataSource);
        oracle = DumpOracle.Load(folder);
    }

    [OneTimeTearDown]
    public async Task DropAsync()
    {
        await database.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [TestCase("Alpha", 1, new[] { "Beta", "Epsilon" })]
    [TestCase("Beta", 2, new[] { "Alpha" }, Description = "only Alpha's record names the alias")]
    [TestCase("Gamma", 3, new[] { "Delta" })]
    [TestCase("Delta", 4, new[] { "Gamma" }, Description = "Delta has no record of its own")]
    [TestCase("Epsilon", 5, new[] { "Alpha" }, Description = "a member that also names the group as an alias counts once")]
    public async Task An_artists_aliases_and_members_are_one_distinct_set_from_both_records(string artist, long id, string[] expected)
    {
        var (children, total) = await graph.ExpandAsync(GraphKind.Artist, GraphKind.Artist.FindCategory("aliases")!, artist, 50, 0, null,
            CancellationToken.None);
        var explore = await graph.ExploreAsync(GraphKind.Artist, artist, CancellationToken.None);

        Assert.That(children.Select(c => c.Name), Is.EqualTo(expected));
        Assert.That(total, Is.EqualTo(expected.Length));
        Assert.That(explore!.Categories.Single(c => c.Category == "aliases").Count, Is.EqualTo(expected.Length));
        Assert.That(oracle.Links(id).Select(oracle.ArtistName), Is.EqualTo(expected), "the test oracle follows the same rule");
    }
}
