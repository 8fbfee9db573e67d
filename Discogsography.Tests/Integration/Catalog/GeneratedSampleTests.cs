using Discogsography.ServiceInterface.Catalog.Sample;

namespace Discogsography.Tests.Integration.Catalog;

/// <summary>A generated sample gives every discovery route something to answer: paths of every length 2..6, collaborators, common and rare title words.</summary>
public sealed class GeneratedSampleTests
{
    private static readonly Lazy<(DumpOracle Dump, DiscoveryOracle Discovery)> Sample = new(() =>
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "generated-discovery-sample");
        new SampleGenerator(new SampleOptions { Releases = 2000, Date = "20200202" }).WriteAll(folder);
        var dump = DumpOracle.Load(folder);
        return (dump, new DiscoveryOracle(dump));
    });

    [Test]
    public void Artists_are_connected_at_every_distance_from_two_to_six()
    {
        var (dump, oracle) = Sample.Value;
        var artists = dump.AllArtistIds().Order().ToList();

        var distances = artists.Take(40).SelectMany(a => artists.Where((_, i) => i % 37 == 0).Select(b => oracle.Distance(DiscoveryOracle.Artist(a),
            DiscoveryOracle.Artist(b), 6))).ToHashSet();

        Assert.That(distances, Is.SupersetOf(new int?[] { 2, 3, 4, 5, 6 }));
    }

    [Test]
    public void Many_artists_have_collaborators()
    {
        var (_, oracle) = Sample.Value;

        Assert.That(oracle.ArtistsWithCollaborators().Count(), Is.GreaterThan(100));
    }

    [Test]
    public void Titles_share_common_words_and_rare_ones()
    {
        var (dump, _) = Sample.Value;
        var titles = dump.Releases.Select(r => r.Title.Split(' ')).ToList();

        Assert.That(titles.Count(t => t.Contains("Love")), Is.InRange(titles.Count / 50, titles.Count / 15), "the most common word: in about 3% of titles");
        Assert.That(titles.Count(t => t.Contains("Rhapsody")), Is.InRange(1, titles.Count / 200), "a rare one");
    }
}
