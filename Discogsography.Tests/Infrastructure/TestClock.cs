namespace Discogsography.Tests.Infrastructure;

/// <summary>
/// The shared host's clock: real time plus an offset tests can move forward (to expire tokens and sessions).
/// Unit tests use <c>FakeTimeProvider</c>; the host cannot, because its job heartbeats and timers need time that
/// passes on its own, which a FakeTimeProvider only does when advanced.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private TimeSpan offset;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by) => offset += by;

    /// <summary>Back to real time.</summary>
    public void Reset() => offset = TimeSpan.Zero;
}
