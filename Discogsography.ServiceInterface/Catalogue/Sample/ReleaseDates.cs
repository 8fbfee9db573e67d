using System.Globalization;

namespace Discogsography.ServiceInterface.Catalogue.Sample;

/// <summary>
/// Release and master years for a dump written on a given date (yyyyMMdd): none later than the dump,
/// more per year the nearer the dump (the catalogue grows; a year has e^(1/22) ≈ 1.05 times the year before's), and
/// the dump's own year only up to its month, so no year stands out. The 2020-08-06 sample's masters: 9 % before
/// 1970, 19 % in the 1970s–80s, 52 % in the 1990s–2000s, 16 % since 2010, 4 % undated.
/// </summary>
internal sealed class ReleaseDates
{
    private const int FirstYear = 1900;
    private const double GrowthYears = 22;

    private readonly int dumpYear;
    private readonly int dumpMonth;
    private readonly double[] cumulative;

    public ReleaseDates(string dumpDate)
    {
        var date = DateOnly.ParseExact(dumpDate, "yyyyMMdd", CultureInfo.InvariantCulture);
        (dumpYear, dumpMonth) = (date.Year, date.Month);
        var weights = Enumerable.Range(FirstYear, Math.Max(1, dumpYear - FirstYear + 1))
            .Select(year => Math.Exp((year - dumpYear) / GrowthYears) * (year == dumpYear ? date.DayOfYear / 365.0 : 1));
        var sum = 0.0;
        cumulative = [.. weights.Select(w => sum += w)];
    }

    /// <summary>A year (one draw).</summary>
    public int Year(Random random) => FirstYear + ZipfSampler.Draw(cumulative, random);

    /// <summary>A <c>released</c> value, <c>yyyy-MM-00</c> with month 00 for "year only" (two draws).</summary>
    public string Released(Random random)
    {
        var year = Year(random);
        var month = random.Next(0, 13);
        if (year == dumpYear)
            month %= dumpMonth + 1;
        return $"{year}-{month:00}-00";
    }
}
