using Discogsography.ServiceInterface.Discogs;

namespace Discogsography.Tests.Unit;

/// <summary>RFC 5849 (OAuth 1.0) signatures, against the RFC's worked examples.</summary>
public sealed class OAuth1SignerTests
{
    [Test]
    public void The_base_string_of_RFC_5849_section_3_4_1_1_is_reproduced_exactly()
    {
        // POST /request?b5=%3D%253D&a3=a&c%40=&a2=r%20b with body c2&a3=2+q (https://www.rfc-editor.org/rfc/rfc5849#section-3.4.1.1)
        var url = new Uri("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
        Dictionary<string, string> oauth = new()
        {
            ["oauth_consumer_key"] = "9djdj82h48djs9d2", ["oauth_token"] = "kkk9d7dh3k39sjv7", ["oauth_signature_method"] = "HMAC-SHA1",
            ["oauth_timestamp"] = "137131201", ["oauth_nonce"] = "7d8f3e4a",
        };

        var baseString = OAuth1Signer.BaseString("POST", url, oauth, [new("c2", ""), new("a3", "2 q")]);

        Assert.That(baseString, Is.EqualTo(
            "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26" +
            "oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26" +
            "oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7"));
    }

    [Test]
    public void The_temporary_credentials_request_of_RFC_5849_section_1_2_signs_to_the_published_signature()
    {
        Dictionary<string, string> oauth = new()
        {
            ["oauth_consumer_key"] = "dpf43f3p2l4k3l03", ["oauth_signature_method"] = "HMAC-SHA1", ["oauth_timestamp"] = "137131200",
            ["oauth_nonce"] = "wIjqoS", ["oauth_callback"] = "http://printer.example.com/ready",
        };

        var signature = OAuth1Signer.Sign(OAuth1Signer.BaseString("POST", new Uri("https://photos.example.net/initiate"), oauth),
            "kd94hf93k423kf44", "");

        Assert.That(signature, Is.EqualTo("74KNZJeDHnMBp0EMJ9ZHt/XKycU="));
    }

    [Test]
    public void A_request_with_query_parameters_signs_to_the_OAuth_Core_1_0_appendix_A_5_signature()
    {
        // RFC 5849 §1.2's own final signature is a known erratum; OAuth Core 1.0 A.5 has the verified one for the same request shape.
        var header = OAuth1Signer.AuthorizationHeader("GET", new Uri("http://photos.example.net/photos?file=vacation.jpg&size=original"),
            new OAuthCredentials("dpf43f3p2l4k3l03", "kd94hf93k423kf44", "nnch734d00sl2jdk", "pfkkdhi9sl3r4s00"),
            DateTimeOffset.FromUnixTimeSeconds(1191242096), nonce: "kllo9940pd9333jh");

        Assert.That(header, Does.Contain("oauth_signature=\"tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D\""));
    }

    [Test]
    public void The_header_lists_every_oauth_parameter_sorted_quoted_and_encoded()
    {
        var header = OAuth1Signer.AuthorizationHeader("GET", new Uri("https://api.discogs.com/oauth/request_token"),
            new OAuthCredentials("key with space", "secret"), DateTimeOffset.FromUnixTimeSeconds(1700000000),
            [new("oauth_callback", "oob")], nonce: "n");

        var names = header["OAuth ".Length..].Split(", ").Select(p => p.Split('=')[0]).ToArray();
        Assert.That(header, Does.StartWith("OAuth oauth_callback=\"oob\", oauth_consumer_key=\"key%20with%20space\", oauth_nonce=\"n\""));
        Assert.That(names, Is.EqualTo(new[] { "oauth_callback", "oauth_consumer_key", "oauth_nonce", "oauth_signature",
            "oauth_signature_method", "oauth_timestamp", "oauth_version" }));
    }

    [TestCase("abc123", "abc123")]
    [TestCase("hello world", "hello%20world")]
    [TestCase("abc-def_ghi.jkl~mno", "abc-def_ghi.jkl~mno")]
    [TestCase("a/b", "a%2Fb")]
    [TestCase("foo&bar=baz", "foo%26bar%3Dbaz")]
    [TestCase("é", "%C3%A9")]
    [TestCase("", "")]
    public void Percent_encoding_follows_section_3_6(string value, string expected)
    {
        Assert.That(OAuth1Signer.Encode(value), Is.EqualTo(expected));
    }

    [Test]
    public void The_signature_changes_with_the_method_the_consumer_secret_and_the_token_secret()
    {
        var baseString = OAuth1Signer.BaseString("GET", new Uri("https://api.discogs.com/oauth/identity"), [new("oauth_nonce", "n")]);

        var signatures = new[]
        {
            OAuth1Signer.Sign(baseString, "a", ""),
            OAuth1Signer.Sign(baseString, "b", ""),
            OAuth1Signer.Sign(baseString, "a", "t"),
            OAuth1Signer.Sign(OAuth1Signer.BaseString("POST", new Uri("https://api.discogs.com/oauth/identity"),
                [new("oauth_nonce", "n")]), "a", ""),
        };

        Assert.That(signatures.Distinct().Count(), Is.EqualTo(4));
        Assert.That(() => Convert.FromBase64String(signatures[0]), Throws.Nothing);
    }
}
