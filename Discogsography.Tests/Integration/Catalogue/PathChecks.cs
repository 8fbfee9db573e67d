using Discogsography.ServiceModel;

namespace Discogsography.Tests.Integration.Catalogue;

/// <summary>Checks of <c>GET /api/path</c> answers against the oracle's breadth-first search.</summary>
internal static class PathChecks
{
    /// <summary>Those of <paramref name="candidates"/> a name lookup finds: the lowest id of their name among <paramref
    /// name="all"/>.</summary>
    public static List<long> Findable(IEnumerable<long> candidates, IEnumerable<long> all, Func<long, string> name)
    {
        var found = all.GroupBy(name).Select(g => g.Min()).ToHashSet();
        return candidates.Distinct().Where(found.Contains).Order().ToList();
    }

    /// <summary>Asks the API for a path and checks it against the oracle; returns the length found.</summary>
    public static async Task<int?> AssertShortestAsync(JsonApiClient client, DiscoveryOracle oracle, OracleNode from, string fromType,
        string fromName, OracleNode to, string toType,
        string toName, int maxDepth)
    {
        var answer = await client.SendAsync(new FindPath { FromName = fromName, FromType = fromType, ToName = toName, ToType = toType,
            MaxDepth = maxDepth });
        var expected = oracle.Distance(from, to, maxDepth);
        var label = $"{fromType} {fromName} → {toType} {toName}";
        Assert.That(answer.Length, Is.EqualTo(expected), label);
        if (expected is null)
            return null;
        var nodes = answer.Path.Select(n => new OracleNode(n.Type[0], n.Id)).ToList();
        Assert.That((nodes[0], nodes[^1], answer.Path[0].Rel), Is.EqualTo((from, to, (string?)null)), label);
        for (var i = 1; i < nodes.Count; i++)
            Assert.That(oracle.Neighbours(nodes[i - 1]), Does.Contain((nodes[i], answer.Path[i].Rel!)), $"{label}: step {i}");
        Assert.That(answer.Path.Select(n => n.Name), Is.EqualTo(nodes.Select(oracle.NameOf)), label);
        return expected;
    }
}
