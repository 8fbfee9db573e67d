namespace Discogsography.ServiceModel.Types;

/// <summary>The reference's error body on most routes: <c>{"detail": "…"}</c>.</summary>
public sealed class DetailMessage
{
    /// <summary>What went wrong, for people.</summary>
    public required string Detail { get; set; }
}

/// <summary>The reference's error body on the explore, user and snapshot routes and on every 429: <c>{"error": "…"}</c>.</summary>
public sealed class ErrorMessage
{
    /// <summary>What went wrong, for people.</summary>
    public required string Error { get; set; }
}
