using System.Diagnostics;
using Dapper;
using Discogsography.ServiceInterface.Catalogue.Sample;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Imports;

/// <summary>
/// An import cannot starve the API: the host plans its build for 64 cores (<see cref="TestImporter.ManyCores"/>), more
/// than the main pool has connections, yet the build stays within the import pool, requests keep their connections,
/// and the job's heartbeats keep it claimed.
/// </summary>
public sealed class ImportIsolationTests : ImportTest
{
    [Test]
    public async Task Explore_answers_within_a_second_while_a_catalogue_build_runs_on_a_many_core_plan()
    {
        await WaitForEndAsync((await admin.SendAsync(new StartImport { Path = ServerFolder() })).Id);
        var name = await QueryAsync<string>("SELECT name FROM graph.artists ORDER BY id LIMIT 1");
        new SampleGenerator(new SampleOptions { Releases = 60_000, Date = "20210101" }).WriteAll(Path.Combine(ImportDir, "big"));
        var started = await admin.SendAsync(new StartImport { Path = "big" });
        await WaitForAsync(started.Id, job => job.Phase == ImportPhases.Import);
        using var visitor = new JsonApiClient(new HttpClient { BaseAddress = host.ApiUrl });

        var (answers, importConnections, buildStatementsOnMainPool) = (new List<TimeSpan>(), new List<int>(), 0);
        ImportJobInfo running;
        while ((running = await admin.SendAsync(new GetImport { Id = started.Id })).Status == JobStatuses.Running)
        {
            var watch = Stopwatch.StartNew();
            Assert.That((await visitor.SendAsync(new Explore { Name = name })).Center.Name, Is.EqualTo(name));
            answers.Add(watch.Elapsed);
            // Busy ones only: hosts other tests started may still keep idle import connections in their pools.
            importConnections.Add(await QueryAsync<int>(
                "SELECT count(*)::int FROM pg_stat_activity WHERE application_name = 'discogsography-import' AND backend_type = 'client backend' AND state <> 'idle'"));
            buildStatementsOnMainPool += await QueryAsync<int>(
                "SELECT count(*)::int FROM pg_stat_activity WHERE application_name = 'discogsography' AND query LIKE '%graph_staging%' AND pid <> pg_backend_pid()");
        }

        TestContext.Out.WriteLine($"{answers.Count} answers during the import: median {answers.Order().ElementAt(answers.Count / 2).TotalMilliseconds:0.0} ms, " +
            $"slowest {answers.Max().TotalMilliseconds:0.0} ms; import connections at most {importConnections.Max()}");
        Assert.That((running.Status, running.Attempts), Is.EqualTo((JobStatuses.Completed, 1)),
            "heartbeats kept the job claimed: " + running.Error);
        Assert.That(await QueryAsync<int>("SELECT count(*)::int FROM pg_stat_activity WHERE application_name = 'discogsography-heartbeat'"),
            Is.InRange(1, PostgresDataSource.HeartbeatPoolSize), "the heartbeats' own pool");
        Assert.That(answers, Has.Count.GreaterThan(5), "the build ran long enough to be measured");
        Assert.That(importConnections.Max(), Is.InRange(2, PostgresDataSource.ImportPoolSize),
            "the build ran in parallel, within its pool");
        Assert.That(buildStatementsOnMainPool, Is.Zero, "no import statement ever held a connection of the requests' pool");
        Assert.That(answers.Max(), Is.LessThan(TimeSpan.FromSeconds(1)), $"slowest of {answers.Count} answers");
    }

    private async Task<T> QueryAsync<T>(string sql)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<T>(sql);
    }
}
