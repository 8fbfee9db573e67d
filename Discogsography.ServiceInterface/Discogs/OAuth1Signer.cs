using System.Security.Cryptography;
using System.Text;

namespace Discogsography.ServiceInterface.Discogs;

/// <summary>The consumer (app) and token credentials a request is signed with.</summary>
/// <param name="ConsumerKey">The app's consumer key.</param>
/// <param name="ConsumerSecret">The app's consumer secret.</param>
/// <param name="Token">The request or access token, if any.</param>
/// <param name="TokenSecret">Its secret ("" when there is no token).</param>
public sealed record OAuthCredentials(string ConsumerKey, string ConsumerSecret, string? Token = null, string TokenSecret = "");

/// <summary>
/// OAuth 1.0a HMAC-SHA1 signatures per RFC 5849 (https://www.rfc-editor.org/rfc/rfc5849). Unlike the reference,
/// the query string's parameters are part of the signature base string (§3.4.1.3.1), as the RFC requires.
/// </summary>
public static class OAuth1Signer
{
    /// <summary>Percent-encodes per §3.6: UTF-8, everything but ALPHA, DIGIT, '-', '.', '_', '~' as %XX with uppercase hex.</summary>
    public static string Encode(string value)
    {
        var encoded = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
                encoded.Append((char)b);
            else
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }

    /// <summary>
    /// The signature base string (§3.4.1): the method, the base string URI (§3.4.1.2: scheme and host lowercased,
    /// default port dropped, no query) and the normalized parameters (§3.4.1.3.2: query, body and oauth
    /// parameters, each encoded, sorted by name then value).
    /// </summary>
    public static string BaseString(string method, Uri url, IEnumerable<KeyValuePair<string, string>> oauthParameters,
        IEnumerable<KeyValuePair<string, string>>? bodyParameters = null)
    {
        var parameters = QueryParameters(url).Concat(bodyParameters ?? []).Concat(oauthParameters)
            .Select(p => (Name: Encode(p.Key), Value: Encode(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value);
        return string.Join('&', method.ToUpperInvariant(), Encode(BaseStringUri(url)), Encode(string.Join('&', parameters)));
    }

    /// <summary>HMAC-SHA1 (§3.4.2) of the base string with <c>enc(consumer secret)&amp;enc(token secret)</c>, base64.</summary>
    public static string Sign(string baseString, string consumerSecret, string tokenSecret)
    {
        var key = Encoding.ASCII.GetBytes(Encode(consumerSecret) + "&" + Encode(tokenSecret));
        return Convert.ToBase64String(HMACSHA1.HashData(key, Encoding.ASCII.GetBytes(baseString)));
    }

    /// <summary>
    /// The <c>Authorization</c> header for a request (§3.5.1): every oauth parameter including the signature,
    /// sorted by name, as <c>name="enc(value)"</c> joined with <c>, </c>, after <c>OAuth </c>.
    /// </summary>
    public static string AuthorizationHeader(string method, Uri url, OAuthCredentials credentials, DateTimeOffset now,
        IEnumerable<KeyValuePair<string, string>>? extraOAuthParameters = null, string? nonce = null)
    {
        var oauth = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["oauth_consumer_key"] = credentials.ConsumerKey,
            ["oauth_nonce"] = nonce ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ["oauth_signature_method"] = "HMAC-SHA1",
            ["oauth_timestamp"] = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["oauth_version"] = "1.0",
        };
        if (credentials.Token is { } token)
            oauth["oauth_token"] = token;
        foreach (var (name, value) in extraOAuthParameters ?? [])
            oauth[name] = value;
        oauth["oauth_signature"] = Sign(BaseString(method, url, oauth), credentials.ConsumerSecret, credentials.TokenSecret);
        return "OAuth " + string.Join(", ", oauth.Select(p => $"{Encode(p.Key)}=\"{Encode(p.Value)}\""));
    }

    private static string BaseStringUri(Uri url)
    {
        var port = url.IsDefaultPort ? "" : ":" + url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{url.Scheme.ToLowerInvariant()}://{url.Host.ToLowerInvariant()}{port}{url.AbsolutePath}";
    }

    /// <summary>The decoded name/value pairs of the query (form-encoding rules: '+' is a space, §3.4.1.3.1).</summary>
    private static IEnumerable<KeyValuePair<string, string>> QueryParameters(Uri url)
    {
        var query = url.Query.TrimStart('?');
        if (query.Length == 0)
            yield break;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? "" : pair[(equals + 1)..];
            yield return new(Decode(name), Decode(value));
        }
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
