using System.Security.Cryptography;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceInterface.Storage;

namespace Discogsography.ServiceInterface.Auth.TwoFactor;

/// <summary>A sign-in challenge that verified: whose it is, and its id.</summary>
public sealed record TwoFactorChallenge(Guid UserId, string TokenId);

/// <summary>
/// The token between the password step and the second step (REFERENCE-UPSTREAM.md §B.5.1, §B.5.6): a JWT with
/// <c>type</c> <c>2fa_challenge</c>, valid five minutes, that works once — <c>2fa_challenge:&lt;jti&gt;</c> holds the
/// user's id until a second step takes it. Access-token checks refuse it, since it carries a <c>type</c>.
/// </summary>
public sealed class TwoFactorChallenges(JwtCodec codec, IKeyValueStore store, TimeProvider time)
{
    public const string TokenType = "2fa_challenge";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(300);
    private const string Spent = "Challenge expired or already used";

    /// <summary>Signs a challenge for the user and records it.</summary>
    public async Task<string> IssueAsync(Guid userId, string email, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var jti = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await store.SetAsync(RedisKeys.TwoFactorChallenge(jti), userId.ToString(), Lifetime, cancellationToken);
        return codec.Encode(PythonJson.Object([
            new("sub", userId.ToString()),
            new("email", email),
            new("type", TokenType),
            new("exp", now.Add(Lifetime).ToUnixTimeSeconds()),
            new("iat", now.ToUnixTimeSeconds()),
            new("jti", jti),
        ]));
    }

    /// <summary>The challenge's user, when it verifies and is still outstanding; 401 with the reference's messages otherwise.</summary>
    public async Task<TwoFactorChallenge> ReadAsync(string token, CancellationToken cancellationToken)
    {
        AccessTokenClaims claims;
        try
        {
            claims = await codec.DecodeAsync(token);
        }
        catch (TokenRejectedException)
        {
            throw HttpError.Unauthorized("Invalid or expired challenge token");
        }
        if (claims.Type != TokenType)
            throw HttpError.Unauthorized("Invalid challenge token type");
        if (claims.TokenId is not { } jti || !Guid.TryParse(claims.Subject, out var userId))
            throw HttpError.Unauthorized("Invalid challenge token");
        if (await store.GetAsync(RedisKeys.TwoFactorChallenge(jti), cancellationToken) != userId.ToString())
            throw HttpError.Unauthorized(Spent);
        return new TwoFactorChallenge(userId, jti);
    }

    /// <summary>Uses the challenge up; 401 when another request took it first.</summary>
    public async Task SpendAsync(TwoFactorChallenge challenge, CancellationToken cancellationToken)
    {
        if (await store.TakeAsync(RedisKeys.TwoFactorChallenge(challenge.TokenId), cancellationToken) is null)
            throw HttpError.Unauthorized(Spent);
    }
}
