using System.Net;
using System.Text;
using System.Text.Json;
using Discogsography.ServiceInterface.Security;
using Discogsography.Tests.Infrastructure;
using OtpNet;

namespace Discogsography.Tests.Integration.AccountSecurity;

/// <summary>
/// Two-factor tests run against a host of their own with <c>ENCRYPTION_MASTER_KEY</c> set (the shared host has none)
/// and rate limits off, so a test may sign in as often as it needs; the limits are tested on the shared host.
/// </summary>
public abstract class TwoFactorHostTest : ApiTest
{
    public static readonly string MasterKeyValue = Fernet.GenerateKey();

    protected TestHost TwoFactorHost { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartTwoFactorHostAsync()
    {
        var settings = SettingsOnFreshPorts();
        TwoFactorHost = await TestHost.StartAsync(settings with
        {
            EncryptionMasterKey = MasterKeyValue, Security = settings.Security with { RateLimitsEnabled = false },
        });
    }

    [OneTimeTearDown]
    public async Task StopTwoFactorHostAsync() => await TwoFactorHost.DisposeAsync();

    [SetUp]
    public void ResetTwoFactorClock() => TwoFactorHost.Clock.Reset();

    /// <summary>The app's code for <paramref name="secret"/> at the host's time, <paramref name="steps"/> steps later.</summary>
    protected string CodeFor(string secret, int steps = 0) =>
        new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(TwoFactorHost.Clock.GetUtcNow().UtcDateTime.AddSeconds(30 * steps));

    /// <summary>Registers, logs in, sets up and confirms 2FA; the secret, recovery codes and the (still valid) access token.</summary>
    protected async Task<(string Secret, string[] RecoveryCodes, string AccessToken)> EnableTwoFactorAsync(string email)
    {
        await SendAsync("POST", "/api/auth/register", $$"""{"email": "{{email}}", "password": "{{Accounts.Password}}"}""");
        var token = (await SendAsync("POST", "/api/auth/login", $$"""{"email": "{{email}}", "password": "{{Accounts.Password}}"}""")).Json!
            .RootElement.GetProperty("access_token").GetString()!;
        var setup = (await SendAsync("POST", "/api/auth/2fa/setup", "{}", token)).Json!.RootElement;
        var secret = setup.GetProperty("secret").GetString()!;
        var codes = setup.GetProperty("recovery_codes").EnumerateArray().Select(c => c.GetString()!).ToArray();
        var confirmed = await SendAsync("POST", "/api/auth/2fa/confirm", $$"""{"code": "{{CodeFor(secret)}}"}""", token);
        Assert.That(confirmed.Status, Is.EqualTo(HttpStatusCode.OK), confirmed.Body);
        TwoFactorHost.Clock.Advance(TimeSpan.FromSeconds(30));
        return (secret, codes, token);
    }

    /// <summary>The password step: the challenge of an account with 2FA.</summary>
    protected async Task<string> ChallengeAsync(string email)
    {
        var login = await SendAsync("POST", "/api/auth/login", $$"""{"email": "{{email}}", "password": "{{Accounts.Password}}"}""");
        return login.Json!.RootElement.GetProperty("challenge_token").GetString()!;
    }

    protected async Task<Answer> SendAsync(string method, string path, string? json = null, string? bearer = null, TestHost? host = null)
    {
        using var http = new HttpClient { BaseAddress = (host ?? TwoFactorHost).ApiUrl };
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (bearer is not null)
            request.Headers.Authorization = new("Bearer", bearer);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, body, response.Headers.WwwAuthenticate.ToString(), response.Headers.RetryAfter?.Delta);
    }

    /// <summary>A response: status, body (parsed when it is JSON), challenge header and Retry-After.</summary>
    protected sealed record Answer(HttpStatusCode Status, string Body, string WwwAuthenticate, TimeSpan? RetryAfter)
    {
        public JsonDocument? Json => Body.StartsWith('{') ? JsonDocument.Parse(Body) : null;

        public string? Detail => Json?.RootElement.TryGetProperty("detail", out var d) == true
            && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
    }
}
