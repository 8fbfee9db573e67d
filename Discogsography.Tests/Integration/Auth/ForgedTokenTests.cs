using System.Net;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Auth;

/// <summary>Every kind of forged or broken token is a clean 401 on an authenticated route, never a 500.</summary>
public sealed class ForgedTokenTests : ApiTest
{
    private static readonly long Exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();

    private static IEnumerable<TestCaseData> Forgeries()
    {
        var payload = $$"""{"sub":"00000000-0000-0000-0000-000000000001","email":"x@example.com","exp":{{Exp}}}""";
        yield return new TestCaseData(Signed("""{"alg":"none","typ":"JWT"}""", payload, sign: false)).SetName("alg_none_without_signature");
        yield return new TestCaseData(Signed("""{"alg":"none","typ":"JWT"}""", payload, sign: true)).SetName("alg_none_with_a_valid_HMAC");
        yield return new TestCaseData(Signed("""{"alg":"HS512","typ":"JWT"}""", payload, sign: true)).SetName("alg_HS512");
        yield return new TestCaseData(Signed("""{"alg":"HS256","typ":"JWT"}""", """{"sub":"00000000-0000-0000-0000-000000000001"}""",
            sign: true)).SetName("no_exp");
        yield return new TestCaseData(TestTokens.Create("00000000-0000-0000-0000-000000000001",
            expiresAt: DateTimeOffset.UtcNow.AddMinutes(-1))).SetName("expired");
        yield return new TestCaseData(TestTokens.Create("00000000-0000-0000-0000-000000000001",
            secret: TestTokens.OtherSecret)).SetName("wrong_signature");
        yield return new TestCaseData("header.payload").SetName("two_parts");
        yield return new TestCaseData("a.b.c.d").SetName("four_parts");
        yield return new TestCaseData(Signed("""{"alg":"HS256","typ":"JWT"}""", "[1,2,3]", sign: true)).SetName("array_payload");
        yield return new TestCaseData(Signed("""{"alg":"HS256","typ":"JWT"}""", "\"just a string\"", sign: true)).SetName("string_payload");
        yield return new TestCaseData(Signed("""{"alg":"HS256","typ":"JWT"}""", $$"""{"sub":"x","exp":"{{Exp}}"}""",
            sign: true)).SetName("string_exp");
        yield return new TestCaseData(Signed("""{"alg":"HS256","typ":"JWT"}""", """{"sub":"x","exp":99999999999999}""",
            sign: true)).SetName("exp_beyond_year_9999");
        yield return new TestCaseData("!!!.@@@.###").SetName("not_base64url");
    }

    [TestCaseSource(nameof(Forgeries))]
    public async Task A_forged_token_is_401_Invalid_or_expired_token(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        using var response = await Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"detail":"Invalid or expired token"}"""));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
    }

    private static string Signed(string header, string payload, bool sign) => TestTokens.Assemble(header, payload, sign);
}
