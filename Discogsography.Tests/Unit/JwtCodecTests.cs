using System.Buffers.Text;
using Discogsography.ServiceInterface.Auth;
using Discogsography.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Discogsography.Tests.Unit;

/// <summary>HS256 per RFC 7515/7519 through JsonWebTokenHandler, with the checks the reference skipped.</summary>
public sealed class JwtCodecTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private const string Hs256Header = """{"alg":"HS256","typ":"JWT"}""";

    [Test]
    public async Task The_HMAC_matches_the_RFC_7515_appendix_A1_example()
    {
        // https://www.rfc-editor.org/rfc/rfc7515#appendix-A.1
        var key = Base64Url.DecodeFromChars("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
        const string header = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9";
        const string payload = "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";
        var codec = new JwtCodec(key, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1300819000)));

        Assert.That(TestTokens.Sign(header + "." + payload, key), Is.EqualTo("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        var claims = await codec.DecodeAsync($"{header}.{payload}.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        Assert.That(claims.ExpiresAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1300819380)));
    }

    [Test]
    public async Task A_token_assembled_byte_by_byte_like_the_reference_decodes()
    {
        var payload = $$"""{"sub":"00000000-0000-0000-0000-000000000001","email":"test@example.com","exp":{{Now.AddMinutes(30).ToUnixTimeSeconds()}},"iat":{{Now.ToUnixTimeSeconds()}},"jti":"0123456789abcdef0123456789abcdef"}""";
        var token = Codec().Encode(payload);

        Assert.That(token, Is.EqualTo(TestTokens.Assemble(Hs256Header, payload)));
        var claims = await Codec().DecodeAsync(token);
        Assert.That((claims.Subject, claims.Email, claims.TokenId),
            Is.EqualTo(("00000000-0000-0000-0000-000000000001", "test@example.com", "0123456789abcdef0123456789abcdef")));
    }

    [TestCase("not.enough")]
    [TestCase("a.b.c.d")]
    [TestCase("not.a.valid.jwt.token")]
    public void Anything_but_three_parts_is_a_format_error(string token)
    {
        Assert.That(Reason(token), Is.EqualTo(TokenRejection.Format));
    }

    [TestCase("none")]
    [TestCase("HS512")]
    [TestCase("RS256")]
    public void A_header_that_does_not_say_HS256_is_refused_even_when_correctly_signed(string algorithm)
    {
        var token = TestTokens.Assemble($$"""{"alg":"{{algorithm}}","typ":"JWT"}""",
            $$"""{"sub":"x","exp":{{Now.AddHours(1).ToUnixTimeSeconds()}}}""");

        Assert.That(Reason(token), Is.AnyOf(TokenRejection.Algorithm, TokenRejection.Signature));
    }

    [Test]
    public void A_wrong_secret_is_a_signature_error()
    {
        var token = TestTokens.Create("x", secret: TestTokens.OtherSecret);

        Assert.That(Reason(token), Is.EqualTo(TokenRejection.Signature));
    }

    [Test]
    public void A_token_without_exp_is_refused_where_the_reference_accepted_it_forever()
    {
        var token = Codec().Encode("""{"sub":"x"}""");

        Assert.That(Reason(token), Is.EqualTo(TokenRejection.MissingExpiry));
    }

    [Test]
    public void An_expired_token_is_refused_with_no_clock_skew()
    {
        var clock = new FakeTimeProvider(Now);
        var token = TestTokens.Create("x", expiresAt: Now.AddSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.That(Reason(token, clock), Is.EqualTo(TokenRejection.Expired));
    }

    [TestCase("""[1,2]""")]
    [TestCase("not json")]
    public void A_payload_that_is_not_a_JSON_object_is_refused_rather_than_crashing(string payload)
    {
        Assert.That(Reason(TestTokens.Assemble(Hs256Header, payload)), Is.AnyOf(TokenRejection.Format, TokenRejection.Payload));
    }

    [Test]
    public void An_exp_beyond_the_year_9999_is_refused()
    {
        Assert.That(Reason(TestTokens.Assemble(Hs256Header, """{"sub":"x","exp":99999999999999}""")),
            Is.AnyOf(TokenRejection.Payload, TokenRejection.Format, TokenRejection.Expired));
    }

    [Test]
    public async Task A_payload_needing_base64_padding_decodes()
    {
        var token = TestTokens.Create("x", email: "ab@example.com");

        Assert.That((await Codec().DecodeAsync(token)).Email, Is.EqualTo("ab@example.com"));
    }

    [Test]
    public void A_key_shorter_than_256_bits_cannot_sign()
    {
        Assert.That(() => JwtCodec.FromSecret("too-short").Encode("""{"sub":"x"}"""), Throws.Exception);
    }

    private static JwtCodec Codec(TimeProvider? time = null) => JwtCodec.FromSecret(TestTokens.Secret, time);

    private static TokenRejection Reason(string token, TimeProvider? time = null) =>
        Assert.ThrowsAsync<TokenRejectedException>(() => Codec(time).DecodeAsync(token))!.Reason;
}
