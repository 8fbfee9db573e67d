using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Discogsography.ServiceInterface.Auth;
using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Unit;

/// <summary>
/// Tokens and password hashes move between the Python service and ours. The fixed vectors below were produced
/// with Python's hashlib, hmac, base64 and json following REFERENCE-API.md §3.1–3.2 to the letter.
/// </summary>
public sealed class ReferenceCompatibilityTests
{
    private const string ReferenceHash =
        "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f:b924f0934db3ded03975a51458dee7a75c6f187337ba9edcd64f571d4df533a6";

    private const string ReferenceToken =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDEiLCJlbWFpbCI6InRlc3QrdGFnQGV4YW1wbGUuY29tIiwiZXhwIjo5OTk5OTk5OTk5LCJpYXQiOjE3MDAwMDAwMDAsImp0aSI6IjAxMjM0NTY3ODlhYmNkZWYwMTIzNDU2Nzg5YWJjZGVmIn0.Kc7mJjEhNSEb0aqELlRl61S2-XAPnfs3ujbaRYbMZ78";

    [Test]
    public void A_password_hash_written_by_the_reference_verifies_here()
    {
        Assert.That(PasswordHasher.Verify("Pässword123!", ReferenceHash), Is.True);
        Assert.That(PasswordHasher.Verify("Password123!", ReferenceHash), Is.False);
    }

    [Test]
    public void Our_hashes_have_the_reference_format_and_a_fresh_salt_each_time()
    {
        var first = PasswordHasher.Hash("secret-password");
        var second = PasswordHasher.Hash("secret-password");

        Assert.That(first, Does.Match("^[0-9a-f]{64}:[0-9a-f]{64}$"));
        Assert.That(first, Is.Not.EqualTo(second));
        Assert.That(PasswordHasher.Verify("secret-password", second), Is.True);
    }

    [TestCase("not-a-valid-hash")]
    [TestCase("")]
    [TestCase("zz:zz")]
    [TestCase("abc:def")]
    public void A_malformed_stored_hash_never_matches(string stored)
    {
        Assert.That(PasswordHasher.Verify("anything", stored), Is.False);
    }

    [Test]
    public async Task A_token_built_by_the_reference_is_accepted()
    {
        var claims = await JwtCodec.FromSecret(TestTokens.Secret).DecodeAsync(ReferenceToken);

        Assert.That((claims.Subject, claims.Email, claims.TokenId),
            Is.EqualTo(("00000000-0000-0000-0000-000000000001", "test+tag@example.com", "0123456789abcdef0123456789abcdef")));
    }

    [Test]
    public void Our_encoding_of_the_same_claims_is_byte_for_byte_the_reference_token()
    {
        var payload = PythonJson.Object([
            new("sub", "00000000-0000-0000-0000-000000000001"), new("email", "test+tag@example.com"),
            new("exp", 9999999999L), new("iat", 1700000000L), new("jti", "0123456789abcdef0123456789abcdef")]);

        Assert.That(JwtCodec.FromSecret(TestTokens.Secret).Encode(payload), Is.EqualTo(ReferenceToken));
    }

    [Test]
    public void Tokens_we_issue_pass_the_reference_verification_algorithm()
    {
        var issuer = new AccessTokenIssuer(JwtCodec.FromSecret(TestTokens.Secret), new JwtSettings { SecretKey = TestTokens.Secret },
            TimeProvider.System);

        var token = issuer.Issue(Guid.Parse("00000000-0000-0000-0000-000000000001"), "é@example.com", isAdmin: true, Guid.NewGuid()).Token;

        var payload = ReferenceVerify(token, TestTokens.Secret);
        Assert.That(payload.GetProperty("sub").GetString(), Is.EqualTo("00000000-0000-0000-0000-000000000001"));
        Assert.That(payload.GetProperty("email").GetString(), Is.EqualTo("é@example.com"));
        Assert.That(payload.EnumerateObject().Select(p => p.Name),
            Is.EqualTo(new[] { "sub", "email", "exp", "iat", "jti", "role", "sid" }));
        Assert.That(payload.GetProperty("jti").GetString(), Does.Match("^[0-9a-f]{32}$"));
        Assert.That(Base64Decode(token.Split('.')[1]), Has.All.LessThan((byte)0x80),
            "the payload is pure ASCII, non-ASCII escaped as Python's json.dumps does");
    }

    /// <summary>REFERENCE-API.md §3.3, ported literally: split, compare the signature string, decode, check a truthy exp.</summary>
    private static JsonElement ReferenceVerify(string token, string secret)
    {
        var parts = token.Split('.');
        Assert.That(parts, Has.Length.EqualTo(3), "Invalid token format");
        var expected = TestTokens.Sign(parts[0] + "." + parts[1], Encoding.UTF8.GetBytes(secret));
        Assert.That(CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[2])), Is.True,
            "Invalid token signature");
        var payload = JsonDocument.Parse(Base64Decode(parts[1])).RootElement.Clone();
        if (payload.TryGetProperty("exp", out var exp))
            Assert.That(DateTimeOffset.FromUnixTimeSeconds(exp.GetInt64()), Is.GreaterThanOrEqualTo(DateTimeOffset.UtcNow.AddSeconds(-1)),
                "Token has expired");
        return payload;
    }

    private static byte[] Base64Decode(string part) => System.Buffers.Text.Base64Url.DecodeFromChars(part);
}
