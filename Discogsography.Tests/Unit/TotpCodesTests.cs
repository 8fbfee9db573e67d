using Discogsography.ServiceInterface.Auth.TwoFactor;
using Microsoft.Extensions.Time.Testing;

namespace Discogsography.Tests.Unit;

/// <summary>TOTP as RFC 6238 Appendix B computes it (SHA-1 key "12345678901234567890", six digits) and
/// REFERENCE-UPSTREAM.md §B.5.1.</summary>
public sealed class TotpCodesTests
{
    private const string RfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    [TestCase(59, "287082")]
    [TestCase(1111111109, "081804")]
    [TestCase(1234567890, "005924")]
    [TestCase(2000000000, "279037")]
    public void The_RFC_6238_test_vectors_match_at_their_time(long unixSeconds, string code)
    {
        var codes = new TotpCodes(new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

        Assert.That(codes.Match(RfcSecret, code, lastAcceptedStep: null), Is.EqualTo(unixSeconds / 30));
    }

    [Test]
    public void A_code_matches_one_step_either_way_and_no_further()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1234567890 + 30));
        var codes = new TotpCodes(clock);

        Assert.That(codes.Match(RfcSecret, "005924", null), Is.Not.Null, "the previous step");
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.That(codes.Match(RfcSecret, "005924", null), Is.Null, "two steps late");
    }

    [Test]
    public void A_code_of_an_accepted_step_or_an_earlier_one_is_refused()
    {
        var codes = new TotpCodes(new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1234567890)));
        const long step = 1234567890 / 30;

        Assert.That(codes.Match(RfcSecret, "005924", lastAcceptedStep: step), Is.Null);
        Assert.That(codes.Match(RfcSecret, "005924", lastAcceptedStep: step - 1), Is.EqualTo(step));
    }

    [Test]
    public void Full_width_digits_are_read_as_digits()
    {
        var codes = new TotpCodes(new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(59)));

        Assert.That(codes.Match(RfcSecret, "２８７０８２", null), Is.EqualTo(1));
    }

    [Test]
    public void Secrets_are_160_bits_of_base32_and_the_key_uri_escapes_the_account()
    {
        var secret = TotpCodes.NewSecret();

        Assert.That(secret, Does.Match("^[A-Z2-7]{32}$"));
        Assert.That(TotpCodes.KeyUri("Discogsography", "a+b?c@example.com", "ABC"),
            Is.EqualTo("otpauth://totp/Discogsography:a%2Bb%3Fc@example.com?secret=ABC&issuer=Discogsography"));
    }

    [Test]
    public void Recovery_codes_are_eight_distinct_16_character_codes_stored_as_sha256_hex()
    {
        var issued = RecoveryCodes.Issue();

        Assert.That(issued, Has.Count.EqualTo(8).And.Unique.And.All.Match("^[A-Za-z0-9_-]{16}$"));
        Assert.That(RecoveryCodes.DigestOf("abc"), Is.EqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }
}
