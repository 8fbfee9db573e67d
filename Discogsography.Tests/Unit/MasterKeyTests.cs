using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Security;

namespace Discogsography.Tests.Unit;

/// <summary>REFERENCE-UPSTREAM.md §B.1: the HKDF derivation of the TOTP and OAuth keys, and the key ring of secrets at rest.</summary>
public sealed class MasterKeyTests
{
    private const string ZeroMaster = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    [Test]
    public void The_derived_keys_match_the_upstreams_test_vectors()
    {
        Assert.That(MasterKey.Derive(ZeroMaster, MasterKey.TotpPurpose), Is.EqualTo("VPU1qCx1aRctgHb93yEcgZJ5J6_43wc-6iPiBGJhkVI="));
        Assert.That(MasterKey.Derive(ZeroMaster, MasterKey.OAuthPurpose), Is.EqualTo("JyEJxlH77xCBcSiQx5tF5hv0Qg1vXRJL_bvD7mUOjZw="));
    }

    [TestCase("")]
    [TestCase("AAAA AAAA")]
    [TestCase("AAAAAAA")]
    [TestCase("AAAA+/==")]
    public void A_master_key_that_is_not_padded_url_safe_base64_is_refused(string key) =>
        Assert.That(MasterKey.IsValid(key), Is.False);

    [Test]
    public void With_a_master_key_secrets_are_written_under_its_oauth_key_and_old_ones_still_read()
    {
        var oauthKey = Fernet.GenerateKey();
        var old = SecretProtector.Create(oauthKey, TimeProvider.System).Protect("old secret");
        var protector = SecretProtector.Create(oauthKey, TimeProvider.System, ZeroMaster);

        var fresh = protector.Protect("new secret");

        Assert.That(protector.Unprotect(old), Is.EqualTo("old secret"), "written under OAUTH_ENCRYPTION_KEY before");
        Assert.That(new Fernet(MasterKey.Derive(ZeroMaster, MasterKey.OAuthPurpose)).DecryptString(fresh, DateTimeOffset.UtcNow),
            Is.EqualTo("new secret"),
            "the upstream reads it with the same derived key");
        Assert.That(SecretProtector.Create(null, TimeProvider.System, ZeroMaster).Unprotect(fresh), Is.EqualTo("new secret"));
        var error = Assert.Throws<ServiceInterface.Infrastructure.ServiceMisconfiguredException>(
            () => SecretProtector.Create(null, TimeProvider.System, ZeroMaster).Unprotect(old))!;
        Assert.That(error.Message, Does.Contain("ENCRYPTION_MASTER_KEY").And.Not.Contain(old));
    }

    [Test]
    public void An_invalid_master_key_stops_startup_naming_it()
    {
        var error = Assert.Throws<SettingsException>(() => SecretProtector.Create(null, TimeProvider.System, "not base64!"))!;

        Assert.That(error.Message, Does.StartWith("ENCRYPTION_MASTER_KEY must be url-safe base64"));
    }
}
