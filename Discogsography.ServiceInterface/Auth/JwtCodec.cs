using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Discogsography.ServiceInterface.Auth;

/// <summary>The verified claims of an access token.</summary>
/// <param name="Subject">The <c>sub</c> claim, null when absent or not a non-empty string.</param>
/// <param name="Email">The <c>email</c> claim.</param>
/// <param name="ExpiresAt">The <c>exp</c> claim.</param>
/// <param name="TokenId">The <c>jti</c> claim.</param>
/// <param name="Role">The <c>role</c> claim (admins only).</param>
/// <param name="SessionId">The <c>sid</c> claim (tokens issued with a refresh session).</param>
public sealed record AccessTokenClaims(string? Subject, string? Email, DateTimeOffset ExpiresAt, string? TokenId, string? Role, Guid? SessionId);

/// <summary>Why a token was refused (logged, never sent: every reason is the same 401 on the wire).</summary>
public enum TokenRejection
{
    Format,
    Algorithm,
    Signature,
    Payload,
    MissingExpiry,
    Expired,
}

/// <summary>A token that failed verification.</summary>
public sealed class TokenRejectedException(TokenRejection reason) : Exception($"Token rejected: {reason}")
{
    public TokenRejection Reason { get; } = reason;
}

/// <summary>
/// HS256 JSON Web Tokens (RFC 7519, signed per RFC 7515) as the reference builds them (REFERENCE-API.md §3.2), and
/// verified more strictly than it does: the header must say HS256, the signature is compared in constant time,
/// and <c>exp</c> is required.
/// </summary>
public sealed class JwtCodec(byte[] key)
{
    /// <summary>The reference's fixed header <c>{"alg":"HS256","typ":"JWT"}</c>, base64url-encoded.</summary>
    public const string EncodedHeader = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

    /// <summary>A codec keyed with the UTF-8 bytes of <paramref name="secret"/>, as the reference keys it.</summary>
    public static JwtCodec FromSecret(string secret) => new(Encoding.UTF8.GetBytes(secret));

    /// <summary>Signs a payload (already compact JSON) under the fixed header.</summary>
    public string Encode(string payloadJson)
    {
        var signingInput = EncodedHeader + "." + Base64Url.Encode(Encoding.UTF8.GetBytes(payloadJson));
        return signingInput + "." + Sign(signingInput);
    }

    /// <summary>The base64url HMAC-SHA256 of <paramref name="signingInput"/> (RFC 7515 §5.1 step 5).</summary>
    public string Sign(string signingInput) => Base64Url.Encode(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signingInput)));

    /// <summary>Verifies a token and returns its claims, or throws <see cref="TokenRejectedException"/>.</summary>
    public AccessTokenClaims Decode(string token, DateTimeOffset now)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
            throw new TokenRejectedException(TokenRejection.Format);
        if (!HeaderIsHs256(parts[0]))
            throw new TokenRejectedException(TokenRejection.Algorithm);
        if (!FixedTimeEquals(Sign(parts[0] + "." + parts[1]), parts[2]))
            throw new TokenRejectedException(TokenRejection.Signature);
        using var payload = ParseObject(parts[1]) ?? throw new TokenRejectedException(TokenRejection.Payload);
        return ReadClaims(payload.RootElement, now);
    }

    private static bool HeaderIsHs256(string encodedHeader)
    {
        using var header = ParseObject(encodedHeader);
        return header is not null
               && header.RootElement.TryGetProperty("alg", out var alg)
               && alg.ValueKind == JsonValueKind.String && alg.GetString() == "HS256";
    }

    private static JsonDocument? ParseObject(string encoded)
    {
        if (!Base64Url.TryDecode(encoded, out var bytes))
            return null;
        try
        {
            var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
                return document;
            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static AccessTokenClaims ReadClaims(JsonElement payload, DateTimeOffset now)
    {
        if (!payload.TryGetProperty("exp", out var exp) || exp.ValueKind != JsonValueKind.Number)
            throw new TokenRejectedException(TokenRejection.MissingExpiry);
        if (!exp.TryGetDouble(out var seconds) || seconds < 0 || seconds > 253402300799)
            throw new TokenRejectedException(TokenRejection.Payload);
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((long)Math.Floor(seconds));
        if (expiresAt < now)
            throw new TokenRejectedException(TokenRejection.Expired);
        return new AccessTokenClaims(
            NonEmptyString(payload, "sub"),
            NonEmptyString(payload, "email"),
            expiresAt,
            NonEmptyString(payload, "jti"),
            NonEmptyString(payload, "role"),
            NonEmptyString(payload, "sid") is { } sid && Guid.TryParse(sid, out var session) ? session : null);
    }

    private static string? NonEmptyString(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static bool FixedTimeEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));
}
