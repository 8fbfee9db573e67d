namespace Discogsography.ServiceInterface.Discogs;

/// <summary>How a request to Discogs is authorized; the header is computed afresh for every attempt.</summary>
public abstract record DiscogsAuth
{
    /// <summary>The <c>Authorization</c> header value for <paramref name="method"/> on <paramref name="url"/> at
    /// <paramref name="now"/>.</summary>
    public abstract string HeaderFor(HttpMethod method, Uri url, DateTimeOffset now);
}

/// <summary>An OAuth 1.0a HMAC-SHA1 signature over the whole request, query included (RFC 5849 §3.4).</summary>
public sealed record OAuth1Auth(OAuthCredentials Credentials, IReadOnlyList<KeyValuePair<string, string>>? ExtraParameters = null)
    : DiscogsAuth
{
    public override string HeaderFor(HttpMethod method, Uri url, DateTimeOffset now) =>
        OAuth1Signer.AuthorizationHeader(method.Method, url, Credentials, now, ExtraParameters);
}

/// <summary>
/// A user's personal access token, sent as <c>Discogs token=&lt;token&gt;</c>
/// (https://www.discogs.com/developers#page:authentication,header:authentication-discogs-auth-flow).
/// </summary>
public sealed record PersonalTokenAuth(string Token) : DiscogsAuth
{
    public override string HeaderFor(HttpMethod method, Uri url, DateTimeOffset now) => $"Discogs token={Token}";

    /// <summary>Never prints the token (records print their members).</summary>
    public override string ToString() => "PersonalTokenAuth { Token = [redacted] }";
}
