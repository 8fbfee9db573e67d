namespace Discogsography.Tests.Infrastructure;

/// <summary>A clock tests can move: real time plus an offset (the mirror has no FakeTimeProvider).</summary>
public sealed class TestClock : TimeProvider
{
    private TimeSpan offset;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by) => offset += by;

    /// <summary>Back to real time.</summary>
    public void Reset() => offset = TimeSpan.Zero;
}
