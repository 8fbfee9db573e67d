using System.Globalization;
using System.Text.RegularExpressions;

namespace Discogsography.ServiceInterface.RateLimiting;

/// <summary>
/// A fixed-window limit parsed from the <c>limits</c> library notation slowapi uses (<c>"5/minute"</c>,
/// <c>"2/10minute"</c>), rendered back the way the reference's 429 body names it (<c>"2 per 10 minute"</c>).
/// </summary>
public sealed partial record RateLimitRule(int Amount, int Multiples, string Granularity)
{
    private static readonly Dictionary<string, TimeSpan> Granularities = new(StringComparer.Ordinal)
    {
        ["second"] = TimeSpan.FromSeconds(1),
        ["minute"] = TimeSpan.FromMinutes(1),
        ["hour"] = TimeSpan.FromHours(1),
        ["day"] = TimeSpan.FromDays(1),
        ["month"] = TimeSpan.FromDays(30),
        ["year"] = TimeSpan.FromDays(365),
    };

    /// <summary>The window length.</summary>
    public TimeSpan Window => Granularities[Granularity] * Multiples;

    /// <summary>The limit as the reference's 429 message writes it: <c>5 per 1 minute</c>.</summary>
    public override string ToString() => $"{Amount} per {Multiples} {Granularity}";

    /// <summary>Parses <c>N/[M]unit</c> or <c>N per [M] unit</c>.</summary>
    public static RateLimitRule Parse(string text)
    {
        var match = Notation().Match(text.Trim().ToLowerInvariant());
        if (!match.Success)
            throw new FormatException($"'{text}' is not a rate limit like 5/minute or 2/10minute");
        var multiples = match.Groups["multiples"].Success ? int.Parse(match.Groups["multiples"].Value, CultureInfo.InvariantCulture) : 1;
        return new RateLimitRule(int.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture), multiples,
            match.Groups["unit"].Value);
    }

    [GeneratedRegex(@"^(?<amount>[0-9]+)\s*(?:/|per)\s*(?<multiples>[0-9]+)?\s*(?<unit>second|minute|hour|day|month|year)s?$")]
    private static partial Regex Notation();
}
