using System.Text;
using System.Text.Json;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceInterface.Security;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Unit;

/// <summary>Fernet against the specification's own test vectors (https://github.com/fernet/spec), read from
/// ../shared/data/fernet.</summary>
public sealed class FernetTests
{
    [Test]
    public void Every_generation_vector_is_reproduced_byte_for_byte()
    {
        foreach (var vector in Vectors("generate.json"))
        {
            var iv = vector.GetProperty("iv").EnumerateArray().Select(b => (byte)b.GetInt32()).ToArray();
            var token = new Fernet(vector.GetProperty("secret").GetString()!)
                .Encrypt(Encoding.UTF8.GetBytes(vector.GetProperty("src").GetString()!), Now(vector), iv);

            Assert.That(token, Is.EqualTo(vector.GetProperty("token").GetString()));
        }
    }

    [Test]
    public void Every_verification_vector_decrypts_within_its_ttl()
    {
        foreach (var vector in Vectors("verify.json"))
        {
            var plaintext = new Fernet(vector.GetProperty("secret").GetString()!)
                .DecryptString(vector.GetProperty("token").GetString()!, Now(vector),
                    TimeSpan.FromSeconds(vector.GetProperty("ttl_sec").GetInt32()));

            Assert.That(plaintext, Is.EqualTo(vector.GetProperty("src").GetString()));
        }
    }

    [Test]
    public void Every_invalid_vector_is_refused()
    {
        var vectors = Vectors("invalid.json");
        Assert.That(vectors, Has.Count.GreaterThanOrEqualTo(8));
        foreach (var vector in vectors)
        {
            var fernet = new Fernet(vector.GetProperty("secret").GetString()!);
            Assert.Throws<InvalidFernetTokenException>(
                () => fernet.Decrypt(vector.GetProperty("token").GetString()!, Now(vector),
                    TimeSpan.FromSeconds(vector.GetProperty("ttl_sec").GetInt32())),
                vector.GetProperty("desc").GetString() ?? "");
        }
    }

    [Test]
    public void Our_tokens_round_trip_and_differ_every_time()
    {
        var fernet = new Fernet(Fernet.GenerateKey());
        var now = DateTimeOffset.UtcNow;

        var first = fernet.Encrypt("access-token ✓", now);
        var second = fernet.Encrypt("access-token ✓", now);

        Assert.That(first, Is.Not.EqualTo(second));
        Assert.That(first, Does.StartWith("gAAAAA"));
        Assert.That(fernet.DecryptString(first, now), Is.EqualTo("access-token ✓"));
    }

    [Test]
    public void A_token_for_another_key_is_refused()
    {
        var token = new Fernet(Fernet.GenerateKey()).Encrypt("secret", DateTimeOffset.UtcNow);

        Assert.Throws<InvalidFernetTokenException>(() => new Fernet(Fernet.GenerateKey()).Decrypt(token, DateTimeOffset.UtcNow));
    }

    [TestCase("too-short")]
    [TestCase("cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=extra")]
    [TestCase("cw/0x689RpI+jtRR7oE8h/eQsKImvJapLeSbXpwF4e4=")]
    public void Keys_that_are_not_32_url_safe_base64_bytes_are_invalid(string key)
    {
        Assert.That(Fernet.IsValidKey(key), Is.False);
        Assert.Throws<FormatException>(() => _ = new Fernet(key));
    }

    [Test]
    public void The_protector_reads_plaintext_from_before_the_key_but_refuses_ciphertext_it_cannot_open()
    {
        var key = Fernet.GenerateKey();
        var protector = SecretProtector.Create(key, TimeProvider.System);
        var stored = protector.Protect("value");

        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.Not.EqualTo("value"));
            Assert.That(protector.Unprotect(stored), Is.EqualTo("value"));
            Assert.That(protector.Unprotect("not-encrypted"), Is.EqualTo("not-encrypted"), "values written before the key existed");
            var otherKey = Assert.Throws<ServiceMisconfiguredException>(
                () => SecretProtector.Create(Fernet.GenerateKey(), TimeProvider.System).Unprotect(stored))!;
            Assert.That(otherKey.Message, Does.Contain("OAUTH_ENCRYPTION_KEY"),
                "another key: an error naming the setting, never the ciphertext");
            Assert.Throws<ServiceMisconfiguredException>(() => SecretProtector.Create(null, TimeProvider.System).Unprotect(stored),
                "no key at all: the ciphertext is not passed off as plaintext");
            Assert.That(SecretProtector.Create(null, TimeProvider.System).Protect("value"), Is.EqualTo("value"), "no key: plaintext");
        });
    }

    private static List<JsonElement> Vectors(string file) =>
        JsonDocument.Parse(File.ReadAllText(SharedData.PathOf(Path.Combine("fernet", file)))).RootElement.EnumerateArray()
            .Select(e => e.Clone()).ToList();

    private static DateTimeOffset Now(JsonElement vector) =>
        DateTimeOffset.Parse(vector.GetProperty("now").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}
