namespace Discogsography.ServiceInterface.Sync;

/// <summary>The sync cannot go on; the message is what the job's <c>error</c> says (never a token or a response body).</summary>
public sealed class SyncFailedException(string message) : Exception(message);

/// <summary>An administrator cancelled the running job.</summary>
public sealed class SyncCancelledException() : Exception("Cancelled by an administrator");

/// <summary>Another instance holds the job now: this worker stops without writing anything more.</summary>
public sealed class SyncLeaseLostException(Guid jobId) : Exception($"Sync job {jobId} is no longer held by this instance");
