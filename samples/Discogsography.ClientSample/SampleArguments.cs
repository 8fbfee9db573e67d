/// <summary>The sample's arguments, checked: an http(s) URL, an email address, an artist name, and <c>--2fa</c>.</summary>
internal sealed record SampleArguments(Uri BaseUrl, string Email, string Password, string Artist, bool TwoFactor)
{
    /// <summary>One account per machine by default, so later runs sign in to it rather than register again.</summary>
    private const string DefaultEmail = "client-sample@example.com";

    /// <summary>The demo artist: artist 1 of the real Discogs dump and of every generated sample.</summary>
    private const string DefaultArtist = "The Persuader";

    private const string SamplePassword = "a long enough password";

    private const string Usage = "usage: Discogsography.ClientSample [api-url] [email] [artist] [--2fa]   (defaults: http://127.0.0.1:8004 "
                                 + DefaultEmail + " \"" + DefaultArtist + "\")";

    /// <summary>The arguments, or null (with the reason and the usage on standard error) when they are not usable.</summary>
    public static SampleArguments? Read(string[] args)
    {
        var positional = args.Where(a => a != "--2fa").ToArray();
        var url = positional.ElementAtOrDefault(0) ?? "http://127.0.0.1:8004";
        var email = positional.ElementAtOrDefault(1) ?? DefaultEmail;
        var artist = positional.ElementAtOrDefault(2) ?? DefaultArtist;
        string? problem = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
            problem = $"'{url}' is not an http(s) URL";
        else if (!email.Contains('@', StringComparison.Ordinal))
            problem = $"'{email}' is not an email address";
        else if (positional.Length > 3 || args.Any(a => a.StartsWith("--", StringComparison.Ordinal) && a != "--2fa"))
            problem = "too many or unknown arguments";
        if (problem is null)
            return new SampleArguments(baseUrl!, email, SamplePassword, artist, args.Contains("--2fa"));
        Console.Error.WriteLine(problem);
        Console.Error.WriteLine(Usage);
        return null;
    }
}
