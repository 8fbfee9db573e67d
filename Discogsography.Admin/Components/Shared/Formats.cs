using System.Globalization;

namespace Discogsography.Admin.Components.Shared;

/// <summary>How values are shown: times in UTC to the second (the same for every viewer), sizes in megabytes.</summary>
public static class Formats
{
    public static string When(DateTimeOffset? value) => value is null ? "—" : Timestamp(value) + " UTC";

    /// <summary>A UTC time without the zone's name, for a place that names it once (a column's title).</summary>
    public static string Timestamp(DateTimeOffset? value) =>
        value is { } time ? time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "—";

    public static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.0} MB");

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
