namespace Discogsography.ServiceInterface.Catalogue.Import;

/// <summary>
/// How much of the database a catalogue build takes at once. Steps run in parallel, one per core (at least two), but
/// never more than the import pool holds beside the connection that keeps the import lock, so a many-core machine
/// waits for no connection. The memory each step's sorts, hashes and index builds may use (<c>work_mem</c>,
/// <c>maintenance_work_mem</c>) is the total (<c>IMPORT_BUILD_MEMORY_MB</c>) divided among the parallel steps, so
/// the build's memory is bounded however many cores there are
/// (https://www.postgresql.org/docs/current/runtime-config-resource.html).
/// </summary>
public sealed record BuildBudget(int Parallelism, int MemoryPerStepMegabytes)
{
    /// <summary>The smallest <c>work_mem</c> a step gets, whatever the division gives.</summary>
    public const int MinimumMemoryPerStepMegabytes = 4;

    /// <summary>
    /// The budget on a machine of <paramref name="cores"/> with an import pool of <paramref name="connections"/>;
    /// <paramref name="workers"/>, when the operator sets it, replaces the one-per-core rule (within the pool).
    /// </summary>
    public static BuildBudget For(int cores, int connections, int totalMemoryMegabytes, int? workers = null)
    {
        var most = Math.Max(1, connections - 1);
        var parallelism = workers is { } chosen ? Math.Clamp(chosen, 1, most) : Math.Clamp(cores, Math.Min(2, most), most);
        return new BuildBudget(parallelism, Math.Max(MinimumMemoryPerStepMegabytes, totalMemoryMegabytes / parallelism));
    }

    /// <summary>
    /// The settings of a build step's session: its share of the memory, hash tables held to it (not twice it), no
    /// parallel workers (the steps already share the cores among themselves; a parallel plan's workers would each
    /// build the same hash tables and take the other steps' cores), and commits that do not wait for the disk (a
    /// failed build is thrown away anyway).
    /// </summary>
    public string SessionSettings =>
        $"SET work_mem = '{MemoryPerStepMegabytes}MB'; SET maintenance_work_mem = '{MemoryPerStepMegabytes}MB'; " +
        "SET hash_mem_multiplier = 1; SET max_parallel_workers_per_gather = 0; SET max_parallel_maintenance_workers = 0; " +
        "SET synchronous_commit = off;";
}
