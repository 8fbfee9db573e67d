using System.Globalization;

namespace Discogsography.Admin.Components.Shared;

/// <summary>How times are shown: UTC, to the second, the same for every viewer.</summary>
public static class Time
{
    public static string Format(DateTimeOffset? value) =>
        value is { } time ? time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "—";
}
