using System.Text;
using Discogsography.ServiceInterface.Auth;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Unit;

/// <summary>HS256 per RFC 7515/7519, with the checks the reference skipped.</summary>
public sealed class JwtCodecTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Test]
    public void The_HMAC_matches_the_RFC_7515_appendix_A1_example()
    {
        // https://www.rfc-editor.org/rfc/rfc7515#appendix-A.1
        Base64Url.TryDecode("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow", out var key);
        const string header = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9";
        const string payload = "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";
        var codec = new JwtCodec(key);

        Assert.That(codec.Sign(header + "." + payload), Is.EqualTo("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        var claims = codec.Decode($"{header}.{payload}.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", DateTimeOffset.FromUnixTimeSeconds(1300819000));
        Assert.That(claims.ExpiresAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1300819380)));
    }

    [Test]
    public void A_token_assembled_byte_by_byte_like_the_reference_decodes()
    {
        var payload = $$"""{"sub":"00000000-0000-0000-0000-000000000001","email":"test@example.com","exp":{{Now.AddMinutes(30).ToUnixTimeSeconds()}},"iat":{{Now.ToUnixTimeSeconds()}},"jti":"0123456789abcdef0123456789abcdef"}""";
        var token = JwtCodec.FromSecret(TestTokens.Secret).Encode(payload);

        Assert.That(token, Does.StartWith("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."));
        var claims = JwtCodec.FromSecret(TestTokens.Secret).Decode(token, Now);
        Assert.That((claims.Subject, claims.Email, claims.TokenId), Is.EqualTo(("00000000-0000-0000-0000-000000000001", "test@example.com", "0123456789abcdef0123456789abcdef")));
    }

    [TestCase("not.enough")]
    [TestCase("a.b.c.d")]
    [TestCase("not.a.valid.jwt.token")]
    public void Anything_but_three_parts_is_a_format_error(string token)
    {
        Assert.That(Reason(() => _ = Codec().Decode(token, Now)), Is.EqualTo(TokenRejection.Format));
    }

    [Test]
    public void A_header_that_does_not_say_HS256_is_refused_even_when_correctly_signed()
    {
        var header = Base64Url.Encode("""{"alg":"none","typ":"JWT"}"""u8);
        var payload = Base64Url.Encode(Encoding.UTF8.GetBytes($$"""{"sub":"x","exp":{{Now.AddHours(1).ToUnixTimeSeconds()}}}"""));
        var token = $"{header}.{payload}.{Codec().Sign(header + "." + payload)}";

        Assert.That(Reason(() => _ = Codec().Decode(token, Now)), Is.EqualTo(TokenRejection.Algorithm));
    }

    [Test]
    public void A_wrong_secret_is_a_signature_error()
    {
        var token = TestTokens.Create("x", secret: "other");

        Assert.That(Reason(() => _ = Codec().Decode(token, Now)), Is.EqualTo(TokenRejection.Signature));
    }

    [Test]
    public void A_token_without_exp_is_refused_where_the_reference_accepted_it_forever()
    {
        var token = Codec().Encode("""{"sub":"x"}""");

        Assert.That(Reason(() => _ = Codec().Decode(token, Now)), Is.EqualTo(TokenRejection.MissingExpiry));
    }

    [Test]
    public void An_expired_token_is_refused()
    {
        var token = TestTokens.Create("x", expiresAt: DateTimeOffset.FromUnixTimeSeconds(1));

        Assert.That(Reason(() => _ = Codec().Decode(token, Now)), Is.EqualTo(TokenRejection.Expired));
    }

    [TestCase("""[1,2]""")]
    [TestCase("not json")]
    public void A_payload_that_is_not_a_JSON_object_is_refused_rather_than_crashing(string payload)
    {
        var token = Codec().Encode(payload);

        Assert.That(Reason(() => _ = Codec().Decode(token, Now)), Is.EqualTo(TokenRejection.Payload));
    }

    [Test]
    public void A_payload_needing_base64_padding_decodes()
    {
        var token = TestTokens.Create("x", email: "ab@example.com");

        Assert.That(Codec().Decode(token, Now).Email, Is.EqualTo("ab@example.com"));
    }

    [Test]
    public void Base64url_has_no_padding_and_no_plus_or_slash_and_round_trips_every_byte()
    {
        var bytes = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();
        var encoded = Base64Url.Encode(bytes);

        Assert.That(encoded, Does.Not.Contain("=").And.Not.Contain("+").And.Not.Contain("/"));
        Assert.That(Base64Url.TryDecode(encoded, out var decoded) && decoded.SequenceEqual(bytes), Is.True);
        Assert.That(Base64Url.TryDecode("YQ", out var a) ? Encoding.ASCII.GetString(a) : null, Is.EqualTo("a"));
        Assert.That(Base64Url.TryDecode("dGVzdA", out var test) ? Encoding.ASCII.GetString(test) : null, Is.EqualTo("test"));
    }

    private static JwtCodec Codec() => JwtCodec.FromSecret(TestTokens.Secret);

    private static TokenRejection Reason(Action decode) => Assert.Throws<TokenRejectedException>(decode)!.Reason;
}
