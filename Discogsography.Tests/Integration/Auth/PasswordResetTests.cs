using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Discogsography.ServiceInterface.Storage;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Auth;

/// <summary>
/// REFERENCE-UPSTREAM.md §B.2–§B.4 end to end: the reset link arrives at a real SMTP server, works once, and a reset
/// or change leaves no token of the account alive, on any instance.
/// </summary>
public sealed partial class PasswordResetTests : ApiTest
{
    private const string Email = "forgetful@example.com";
    private const string NewPassword = "a brand new password";

    [Test]
    public async Task A_reset_link_arrives_by_mail_works_once_and_ends_every_token_on_every_instance()
    {
        var login = await Accounts.RegisterAndLoginAsync(Client, Email);
        var appToken = (await Client.SendAsync(new ServiceModel.CreateAppToken { Name = "script",
            Scopes = [ServiceModel.AppTokenScopes.CollectionRead] })).Token;
        await using var second = await TestHost.StartAsync(SettingsOnFreshPorts());

        var requested = await PostAsync("/api/auth/reset-request", $$"""{"email": "  {{Email.ToUpperInvariant()}} "}""");
        var token = TokenOf(await TestServers.Mail.WaitForAsync(Email));
        var confirmed = await PostAsync("/api/auth/reset-confirm", $$"""{"token": "{{token}}", "new_password": "{{NewPassword}}"}""");
        var again = await PostAsync("/api/auth/reset-confirm", $$"""{"token": "{{token}}", "new_password": "another new password"}""");

        Assert.That(requested,
            Is.EqualTo((HttpStatusCode.OK, """{"message":"If an account exists for that email, a reset link has been sent"}""")));
        Assert.That(confirmed, Is.EqualTo((HttpStatusCode.OK, """{"message":"Password has been reset"}""")));
        Assert.That(again, Is.EqualTo((HttpStatusCode.BadRequest, """{"detail":"Invalid or expired reset token"}""")));
        foreach (var host in new[] { Host, second })
        {
            Assert.That(await MeStatusAsync(host, login.AccessToken!), Is.EqualTo(HttpStatusCode.Unauthorized),
                "the old access token, everywhere");
            Assert.That(await StatusOfAsync(host, "/api/user/collection", appToken), Is.EqualTo(HttpStatusCode.Unauthorized),
                "the app token, everywhere");
        }
        Assert.That((await PostAsync("/api/auth/refresh", $$"""{"refresh_token": "{{login.RefreshToken}}"}""")).Status,
            Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await PostAsync("/api/auth/login", $$"""{"email": "{{Email}}", "password": "{{Accounts.Password}}"}""")).Status,
            Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await PostAsync("/api/auth/login", $$"""{"email": "{{Email}}", "password": "{{NewPassword}}"}""")).Status,
            Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_mail_carries_an_absolute_escaped_link_and_the_references_wording()
    {
        await Accounts.RegisterAndLoginAsync(Client, Email);

        await PostAsync("/api/auth/reset-request", $$"""{"email": "{{Email}}"}""");
        var message = await TestServers.Mail.WaitForAsync(Email);

        var link = LinkPattern().Match(message.TextBody ?? "").Value;
        Assert.That(message.Subject, Is.EqualTo("Reset your Discogsography password"));
        Assert.That(link, Does.Match("^https://explore\\.test/\\?reset_token=[A-Za-z0-9_-]{43}$"));
        Assert.That(message.HtmlBody, Does.Contain($"href=\"{link}\"").And.Contain("This link expires in 15 minutes."));
        Assert.That(message.From.ToString(), Does.Contain("noreply@localhost"));
    }

    [Test]
    public async Task An_address_without_an_account_gets_the_same_answer_and_no_mail()
    {
        await Accounts.RegisterAndLoginAsync(Client, Email);

        var unknown = await PostAsync("/api/auth/reset-request", """{"email": "nobody@example.com"}""");
        var known = await PostAsync("/api/auth/reset-request", $$"""{"email": "{{Email}}"}""");
        await TestServers.Mail.WaitForAsync(Email);

        Assert.That(unknown, Is.EqualTo(known));
        Assert.That(TestServers.Mail.Messages.SelectMany(m => m.To.Mailboxes).Select(b => b.Address), Is.EqualTo(new[] { Email }));
        Assert.That(await TestServers.Redis.KeysAsync("reset:*"), Has.Length.EqualTo(1), "a token only for the account");
    }

    [Test]
    public async Task A_token_the_python_service_stored_is_accepted_and_an_unknown_one_is_refused()
    {
        await Accounts.RegisterAndLoginAsync(Client, Email);
        var userId = await Accounts.IdOfAsync(Email);
        await TestServers.Redis.SetAsync(RedisKeys.PasswordReset("from-python"), $$"""{"user_id": "{{userId}}", "email": "{{Email}}"}""",
            TimeSpan.FromMinutes(15));

        var python = await PostAsync("/api/auth/reset-confirm", $$"""{"token": "from-python", "new_password": "{{NewPassword}}"}""");
        var unknown = await PostAsync("/api/auth/reset-confirm", $$"""{"token": "never-issued", "new_password": "{{NewPassword}}"}""");
        var tooShort = await PostAsync("/api/auth/reset-confirm", """{"token": "x", "new_password": "short"}""");

        Assert.That(python.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(unknown, Is.EqualTo((HttpStatusCode.BadRequest, """{"detail":"Invalid or expired reset token"}""")));
        Assert.That(tooShort.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(tooShort.Body, Does.Contain("string_too_short"));
    }

    [Test]
    public async Task Changing_the_password_ends_every_session_including_the_callers_and_older_tokens_without_a_session()
    {
        var login = await Accounts.RegisterAndLoginAsync(Client, Email);
        var other = await Accounts.RegisterAndLoginAsync(Accounts.NewClient(), Email, Accounts.Password);
        var sessionless = TestTokens.Create((await Accounts.IdOfAsync(Email)).ToString(), Email, jti: "python-issued");

        var wrong = await PostAsync("/api/auth/change-password", """{"current_password": "not it", "new_password": "whatever123"}""",
            login.AccessToken);
        var changed = await PostAsync("/api/auth/change-password",
            $$"""{"current_password": "{{Accounts.Password}}", "new_password": "{{NewPassword}}"}""",
            login.AccessToken);

        Assert.That(wrong, Is.EqualTo((HttpStatusCode.Unauthorized, """{"detail":"Incorrect current password"}""")));
        Assert.That(changed, Is.EqualTo((HttpStatusCode.OK, """{"message":"Password has been changed"}""")));
        foreach (var token in new[] { login.AccessToken!, other.AccessToken!, sessionless })
            Assert.That(await MeStatusAsync(Host, token), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await TestServers.Redis.GetAsync(RedisKeys.PasswordChanged(await Accounts.IdOfAsync(Email))), Is.Not.Null,
            "the mark the Python service reads");
    }

    [Test]
    public async Task A_wrong_current_password_has_no_bearer_challenge_and_requests_are_rate_limited()
    {
        var login = await Accounts.RegisterAndLoginAsync(Client, Email);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/change-password")
        {
            Content = new StringContent("""{"current_password": "no", "new_password": "whatever123"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", login.AccessToken);
        using var wrong = await Http.SendAsync(request);

        var resets = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            resets.Add((await PostAsync("/api/auth/reset-request", """{"email": "someone@example.com"}""")).Status);

        Assert.That(wrong.Headers.WwwAuthenticate, Is.Empty);
        Assert.That(resets, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
    }

    [TestCase("development", true)]
    [TestCase("production", false)]
    public async Task Without_smtp_the_link_is_logged_in_development_only(string environment, bool logged)
    {
        var settings = SettingsOnFreshPorts();
        await using var host = await TestHost.StartAsync(settings with
        {
            Mail = settings.Mail with { Host = null }, Hosting = settings.Hosting with { Environment = environment },
        });
        await Accounts.RegisterAndLoginAsync(Client, Email);
        using var http = new HttpClient { BaseAddress = host.ApiUrl };

        await http.PostAsync("/api/auth/reset-request",
            new StringContent($$"""{"email": "{{Email}}"}""", Encoding.UTF8, "application/json"));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!host.Logs.Lines.Any(l => l.Contains("No SMTP server configured", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
            await Task.Delay(50);

        var line = host.Logs.Lines.Single(l => l.Contains("No SMTP server configured", StringComparison.Ordinal));
        Assert.That(line.Contains("reset_token=", StringComparison.Ordinal), Is.EqualTo(logged), line);
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string path, string json, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post,
            path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (bearer is not null)
            request.Headers.Authorization = new("Bearer", bearer);
        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static Task<HttpStatusCode> MeStatusAsync(TestHost host, string token) => StatusOfAsync(host, "/api/auth/me", token);

    private static async Task<HttpStatusCode> StatusOfAsync(TestHost host, string path, string token)
    {
        using var http = new HttpClient { BaseAddress = host.ApiUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        return (await http.SendAsync(request)).StatusCode;
    }

    private static string TokenOf(MimeKit.MimeMessage message) => LinkPattern().Match(message.TextBody ?? "").Groups["token"].Value;

    [GeneratedRegex("https://\\S+reset_token=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();
}
