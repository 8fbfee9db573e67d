using Discogsography.ServiceInterface.Catalogue.Import;
using Discogsography.ServiceInterface.Imports;

namespace Discogsography.Tests.Unit;

/// <summary>The catalogue build's share of the database, and which redirects a download follows.</summary>
public sealed class ImportLimitsTests
{
    [TestCase(64, 10, 1024, 9, 113,
        TestName = "A many-core machine builds with one connection fewer than the import pool, memory divided among the steps")]
    [TestCase(2, 10, 1024, 2, 512, TestName = "Two cores build two steps at once with half the memory each")]
    [TestCase(1, 10, 1024, 2, 512, TestName = "One core still builds two steps at once")]
    [TestCase(8, 2, 1024, 1, 1024, TestName = "A pool of two connections builds one step at a time")]
    [TestCase(64, 10, 16, 9, 4, TestName = "Every step gets at least 4 MB")]
    public void The_build_budget(int cores, int connections, int memory, int parallelism, int perStep)
    {
        var budget = BuildBudget.For(cores, connections, memory);

        Assert.That((budget.Parallelism, budget.MemoryPerStepMegabytes), Is.EqualTo((parallelism, perStep)));
        Assert.That(budget.SessionSettings,
            Does.Contain($"SET work_mem = '{perStep}MB'").And.Contain($"SET maintenance_work_mem = '{perStep}MB'")
                .And.Contain("SET max_parallel_workers_per_gather = 0"));
    }

    [TestCase(1, 1, TestName = "An operator's one worker builds one step at a time")]
    [TestCase(3, 3, TestName = "An operator's three workers on a two-core machine build three steps at once")]
    [TestCase(50, 9, TestName = "An operator's workers never exceed the import pool")]
    public void The_build_workers_an_operator_sets(int workers, int parallelism)
    {
        var budget = BuildBudget.For(cores: 2, connections: 10, totalMemoryMegabytes: 1024, workers);

        Assert.That(budget.Parallelism, Is.EqualTo(parallelism));
        Assert.That(budget.MemoryPerStepMegabytes, Is.EqualTo(1024 / budget.Parallelism));
    }

    [TestCase("https://data.discogs.com/a", "http://data.discogs.com/a", "from https to http")]
    [TestCase("https://data.discogs.com/a", "https://bucket.example:8443/a", "from port 443 to port 8443")]
    [TestCase("http://data.discogs.com:8080/a", "http://data.discogs.com/a", "from port 8080 to port 80")]
    [TestCase("http://data.discogs.com/a", "https://bucket.example/a", null)]
    [TestCase("https://data.discogs.com/a", "https://bucket.example/a", null)]
    [TestCase("http://127.0.0.1:5000/a", "http://127.0.0.1:5000/b", null)]
    public void A_redirect_may_not_downgrade_to_http_or_change_the_port(string from, string to, string? refusal) =>
        Assert.That(DumpHttp.RedirectRefusal(new Uri(from), new Uri(to)), Is.EqualTo(refusal));
}
