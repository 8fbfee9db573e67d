namespace Discogsography.ServiceInterface.Imports;

/// <summary>How import jobs are claimed, recovered and how hard downloads try.</summary>
public sealed record ImportOptions
{
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A running job without a heartbeat for this long is claimed again.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Claims of one job before it is failed for good.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Requests one download may make; each after the first resumes where the last stopped.</summary>
    public int DownloadAttempts { get; init; } = 6;

    /// <summary>The first pause before resuming a broken download (doubled each time, at most a minute).</summary>
    public TimeSpan ResumeDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A download that receives nothing for this long counts as broken.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often byte and record counts are written to the job.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Redirects one request may follow (each to an allowed host).</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>The largest checksum file read.</summary>
    public int MaxChecksumFileBytes { get; init; } = 1024 * 1024;

    /// <summary>How long a download may wait for a response's headers (checksum file included) before it counts as broken.</summary>
    public TimeSpan HeaderTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The cores the catalogue build plans for (tests pretend to be a many-core machine).</summary>
    public int Cores { get; init; } = Environment.ProcessorCount;
}
