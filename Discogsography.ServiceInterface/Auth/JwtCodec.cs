using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Discogsography.ServiceInterface.Auth;

/// <summary>The verified claims of an access token.</summary>
/// <param name="Subject">The <c>sub</c> claim, null when absent or not a non-empty string.</param>
/// <param name="Email">The <c>email</c> claim.</param>
/// <param name="ExpiresAt">The <c>exp</c> claim.</param>
/// <param name="TokenId">The <c>jti</c> claim.</param>
/// <param name="Role">The <c>role</c> claim (admins only).</param>
/// <param name="SessionId">The <c>sid</c> claim (tokens issued with a refresh session).</param>
/// <param name="IssuedAt">The <c>iat</c> claim in Unix seconds, 0 when absent (as the upstream counts it).</param>
/// <param name="Type">
/// The <c>type</c> claim as JSON text (a string's value, or the raw JSON of any other value), null when absent: access
/// tokens have none, a sign-in challenge says <c>2fa_challenge</c>.
/// </param>
public sealed record AccessTokenClaims(string? Subject, string? Email, DateTimeOffset ExpiresAt, string? TokenId, string? Role,
    Guid? SessionId,
    long IssuedAt = 0, string? Type = null);

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
/// HS256 JSON Web Tokens (RFC 7519, signed per RFC 7515) through Microsoft.IdentityModel's
/// <see cref="JsonWebTokenHandler"/>, configured strictly: HS256 only, a signature and <c>exp</c> required, no clock
/// skew, a key of at least 256 bits. Tokens carry the reference's header <c>{"alg":"HS256","typ":"JWT"}</c> and the
/// payload exactly as given (REFERENCE-API.md §3.2), so the Python service and ours accept each other's tokens.
/// </summary>
public sealed class JwtCodec
{
    /// <summary>HS256 keys shorter than the hash (RFC 7518 §3.2) are refused, by the library and at startup.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>The largest <c>exp</c> a date can hold (9999-12-31T23:59:59Z); beyond it the token is malformed.</summary>
    private const long LatestExpiry = 253402300799;

    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials credentials;
    private readonly TokenValidationParameters validation;

    public JwtCodec(byte[] key, TimeProvider time)
    {
        var securityKey = new SymmetricSecurityKey(key);
        credentials = new SigningCredentials(securityKey, SecurityAlgorithms.HmacSha256);
        validation = new TokenValidationParameters
        {
            IssuerSigningKey = securityKey,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.Zero,
            // A token is valid only before its exp (RFC 7519 §4.1.4), by the injected clock (tests move it), with no
            // skew; a token without exp fails here too.
            LifetimeValidator = (_, expires, _, _) => expires is { } at && at > time.GetUtcNow().UtcDateTime,
            ValidateIssuer = false,
            ValidateAudience = false,
        };
    }

    /// <summary>A codec keyed with the UTF-8 bytes of <paramref name="secret"/>, as the reference keys it.</summary>
    public static JwtCodec FromSecret(string secret, TimeProvider? time = null) =>
        new(Encoding.UTF8.GetBytes(secret), time ?? TimeProvider.System);

    /// <summary>Signs a payload (already compact JSON, kept byte for byte) under the reference's header.</summary>
    public string Encode(string payloadJson) => handler.CreateToken(payloadJson, credentials);

    /// <summary>Verifies a token and returns its claims, or throws <see cref="TokenRejectedException"/>.</summary>
    public async Task<AccessTokenClaims> DecodeAsync(string token)
    {
        // Five parts would be read as an encrypted token (JWE); ours are only ever signed (JWS compact: three parts).
        if (token.Count(c => c == '.') != 2)
            throw new TokenRejectedException(TokenRejection.Format);
        var result = await handler.ValidateTokenAsync(token, validation);
        if (!result.IsValid)
            throw new TokenRejectedException(ReasonOf(result.Exception));
        var jwt = (JsonWebToken)result.SecurityToken;
        if (ExpiryOf(jwt) is not { } exp)
            throw new TokenRejectedException(TokenRejection.Payload);
        return new AccessTokenClaims(
            NonEmptyString(jwt, "sub"),
            NonEmptyString(jwt, "email"),
            DateTimeOffset.FromUnixTimeSeconds(exp),
            NonEmptyString(jwt, "jti"),
            NonEmptyString(jwt, "role"),
            NonEmptyString(jwt, "sid") is { } sid && Guid.TryParse(sid, out var session) ? session : null,
            jwt.TryGetPayloadValue<long>("iat", out var issuedAt) ? issuedAt : 0,
            TypeOf(jwt));
    }

    private static string? TypeOf(JsonWebToken jwt)
    {
        if (!jwt.TryGetPayloadValue<object>("type", out var value))
            return null;
        return value as string ?? value?.ToString() ?? "null";
    }

    /// <summary>
    /// <c>exp</c> as RFC 7519 §4.1.4 defines it, a JSON number of seconds (the library would also read the string
    /// <c>"1700000000"</c>), within the dates .NET can hold.
    /// </summary>
    private static long? ExpiryOf(JsonWebToken jwt)
    {
        using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(jwt.EncodedPayload));
        return payload.RootElement.TryGetProperty(JwtRegisteredClaimNames.Exp, out var exp) && exp.ValueKind == JsonValueKind.Number
               && exp.TryGetDouble(out var seconds) && seconds is >= 0 and <= LatestExpiry
            ? (long)Math.Floor(seconds)
            : null;
    }

    private static TokenRejection ReasonOf(Exception? exception) => exception switch
    {
        SecurityTokenInvalidLifetimeException { Expires: null } => TokenRejection.MissingExpiry,
        SecurityTokenInvalidLifetimeException => TokenRejection.Expired,
        SecurityTokenInvalidAlgorithmException => TokenRejection.Algorithm,
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => TokenRejection.Signature,
        SecurityTokenMalformedException => TokenRejection.Format,
        _ => TokenRejection.Payload,
    };

    private static string? NonEmptyString(JsonWebToken jwt, string name) =>
        jwt.TryGetPayloadValue<string>(name, out var value) && value is { Length: > 0 } ? value : null;
}
