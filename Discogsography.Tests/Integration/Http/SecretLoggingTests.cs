using System.Net.Http.Headers;
using System.Text;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Http;

/// <summary>No secret, token or password is ever logged, whatever happens to the request (debug level included).</summary>
public sealed class SecretLoggingTests : ApiTest
{
    [Test]
    public async Task Tokens_passwords_and_configured_secrets_never_reach_the_logs()
    {
        var token = TestTokens.Create("00000000-0000-0000-0000-000000000001", jti: "secret-jti-value");
        var forged = TestTokens.Create("00000000-0000-0000-0000-000000000001", secret: TestTokens.OtherSecret);
        const string password = "hunter2-password-value";

        await SendAsync(HttpMethod.Get, "/test/secure", token, null);
        await SendAsync(HttpMethod.Get, "/test/secure", forged, null);
        await SendAsync(HttpMethod.Post, "/test/validated", token, $$"""{"email":"nope","password":"{{password}}"}""");
        await SendAsync(HttpMethod.Post, "/test/probe", null, $$"""{"name":"n","password":"{{password}}"}""");
        await SendAsync(HttpMethod.Get, "/test/fail/crash", token, null);

        var logs = string.Join('\n', Host.Logs.Lines);
        Assert.That(logs, Is.Not.Empty, "the requests above do log (the crash, the refused token)");
        foreach (var secret in new[] { token, forged, password, "secret-jti-value", Host.Settings.Jwt.SecretKey,
            Host.Settings.Postgres.Password })
            Assert.That(logs, Does.Not.Contain(secret));
    }

    private async Task SendAsync(HttpMethod method, string path, string? token, string? json)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        (await Http.SendAsync(request)).Dispose();
    }
}
