using Discogsography.ServiceInterface.Catalogue.Sample;

namespace Discogsography.Tests.Integration.Catalogue;

/// <summary>A generated sample gives every discovery route something to answer: paths of every length 2..6,
/// collaborators, common and rare title words.</summary>
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

        var distances = artists.Take(40).SelectMany(a =>
            oracle.Distances(DiscoveryOracle.Artist(a), 6).Where(d => d.Key.Kind == 'a').Select(d => d.Value))
            .ToHashSet();

        Assert.That(distances, Is.SupersetOf(new[] { 2, 3, 4, 5, 6 }));
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
        var words = dump.Releases.SelectMany(r => r.Title.Split(' ').Distinct()).GroupBy(w => w)
            .Select(g => (Word: g.Key, Titles: g.Count()))
            .OrderByDescending(w => w.Titles).ToList();

        Assert.That(words[0].Word, Is.EqualTo("Love"), "the most common word");
        Assert.That(words[0].Titles, Is.InRange(dump.Releases.Count / 50, dump.Releases.Count / 15), "in about 3 % of titles");
        Assert.That(words.Count(w => w.Titles == 1), Is.GreaterThan(words.Count / 2), "and most words are rare");
    }
}
