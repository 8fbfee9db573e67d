using System.Security;
using Discogsography.ServiceInterface.Catalogue.Import;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Catalogue;

/// <summary>
/// Autocomplete's word matches over names the samples lack: the import splits names into words in the database and the
/// service splits the query in .NET, and both must agree on punctuation, accents, non-Latin scripts and characters above
/// U+FFFF (two UTF-16 units in .NET, one character in PostgreSQL).
/// </summary>
public sealed class AutocompleteWordRuleTests
{
    private static readonly string[] Names =
    [
        "Björk–Guðmundsdóttir", "AC/DC", "美空 ひばり", "𝄞 Clef Ensemble", "Jean-Michel Jarre", "DJ\u00a0Shadow",
        "\"Weird\" Al Yankovic", "Guns N' Roses", "Ñandú Über", "Sigur Rós", "Duran Duran", "!!!", "Beatles Revival Band",
        "The Beatles",
        .. Enumerable.Range(1, 250).Select(i => $"Filler {i} Orchestra"), "Lumo Kinetic Orchestra",
    ];

    private CatalogueOfItsOwn catalogue = null!;
    private string scratch = null!;

    [OneTimeSetUp]
    public async Task ImportTheNamesAsync()
    {
        scratch = Directory.CreateTempSubdirectory("word-rule").FullName;
        var artists = string.Concat(Names.Select((name, i) =>
            $"<artist><id>{i + 1}</id><name>{SecurityElement.Escape(name)}</name></artist>\n"));
        await File.WriteAllTextAsync(Path.Combine(scratch, "discogs_20200101_artists.xml"), $"<artists>\n{artists}</artists>");
        catalogue = await CatalogueOfItsOwn.ImportAsync("word_rule", DumpFile.InDirectory(scratch));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await catalogue.DisposeAsync();
        Directory.Delete(scratch, recursive: true);
    }

    [TestCase("guð", "Björk–Guðmundsdóttir", Description = "an en dash separates words")]
    [TestCase("dc", "AC/DC")]
    [TestCase("ひば", "美空 ひばり")]
    [TestCase("clef 𝄞", "𝄞 Clef Ensemble", Description = "a character above U+FFFF is a word of its own")]
    [TestCase("ensemble clef", "𝄞 Clef Ensemble")]
    [TestCase("MICHEL jar", "Jean-Michel Jarre")]
    [TestCase("shadow", "DJ\u00a0Shadow", Description = "a no-break space separates words")]
    [TestCase("weird yank", "\"Weird\" Al Yankovic")]
    [TestCase("roses n", "Guns N' Roses")]
    [TestCase("guns ro", "Guns N' Roses", Description = "the query's longest word is the one the name starts with")]
    [TestCase("über ñan", "Ñandú Über")]
    [TestCase("rós", "Sigur Rós")]
    [TestCase("orchestra kin", "Lumo Kinetic Orchestra",
        Description = "the rarer word picks the candidates, not the longer one 251 names share (the name has the highest id)")]
    [TestCase("duran", "Duran Duran", Description = "a name that starts with the query is a prefix match, once")]
    public async Task Every_query_word_starting_a_word_of_the_name_finds_it(string query, string name)
    {
        var results = (await catalogue.Client.SendAsync(new Autocomplete { Q = query, Limit = 50 })).Results;

        Assert.That(results.Where(r => r.Score > 1.0).Select(r => r.Name), Is.EqualTo(new[] { name }));
    }

    [Test]
    public async Task A_leading_The_is_skipped_so_the_name_ranks_among_those_starting_with_the_query()
    {
        var results = (await catalogue.Client.SendAsync(new Autocomplete { Q = "beatles" })).Results;

        Assert.That(results.Select(r => (r.Name, r.Score > 2.0)),
            Is.EqualTo(new[] { ("The Beatles", true), ("Beatles Revival Band", true) }), "by similarity: the shorter name first");
    }

    [TestCase("sigur ros", Description = "an accented letter is not its unaccented twin")]
    [TestCase("clef 𝄢", Description = "another character above U+FFFF is another word")]
    [TestCase("ac dc x")]
    [TestCase("jarre jeans")]
    [TestCase("ichel")]
    public async Task A_query_word_that_starts_no_word_finds_nothing_above_the_fuzzy_scores(string query)
    {
        var results = (await catalogue.Client.SendAsync(new Autocomplete { Q = query, Limit = 50 })).Results;

        Assert.That(results.Where(r => r.Score > 1.0), Is.Empty);
    }
}
