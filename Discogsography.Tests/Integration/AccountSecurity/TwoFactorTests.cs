using System.Net;
using Dapper;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.AccountSecurity;

/// <summary>
/// REFERENCE-UPSTREAM.md §B.5 end to end, with our fixes of the upstream's bugs: setup cannot re-key an enabled 2FA,
/// a challenge is not an access token, an accepted code is not accepted again, recovery codes honour the lock, and a
/// lock that ran out starts the count again.
/// </summary>
public sealed class TwoFactorTests : TwoFactorHostTest
{
    private const string Email = "careful@example.com";

    [Test]
    public async Task Setup_offers_a_secret_a_key_uri_a_QR_code_and_eight_recovery_codes_and_changes_nothing_until_confirmed()
    {
        await SendAsync("POST", "/api/auth/register", $$"""{"email": "{{Email}}", "password": "{{Accounts.Password}}"}""");
        var token = (await SendAsync("POST", "/api/auth/login", $$"""{"email": "{{Email}}", "password": "{{Accounts.Password}}"}""")).Json!
            .RootElement.GetProperty("access_token").GetString()!;

        var setup = (await SendAsync("POST", "/api/auth/2fa/setup", null, token)).Json!.RootElement;
        var me = (await SendAsync("GET", "/api/auth/me", bearer: token)).Json!.RootElement;
        var login = await SendAsync("POST", "/api/auth/login", $$"""{"email": "{{Email}}", "password": "{{Accounts.Password}}"}""");

        var secret = setup.GetProperty("secret").GetString()!;
        Assert.That(secret, Does.Match("^[A-Z2-7]{32}$"));
        Assert.That(setup.GetProperty("otpauth_uri").GetString(),
            Is.EqualTo($"otpauth://totp/Discogsography:{Email}?secret={secret}&issuer=Discogsography"));
        Assert.That(setup.GetProperty("recovery_codes").EnumerateArray().Select(c => c.GetString()),
            Has.Exactly(8).Matches<string>(c => c.Length == 16));
        var png = Convert.FromBase64String(setup.GetProperty("qr_code").GetString()!["data:image/png;base64,".Length..]);
        Assert.That(png[..4], Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }));
        Assert.That(me.GetProperty("totp_enabled").GetBoolean(), Is.False);
        Assert.That(login.Json!.RootElement.TryGetProperty("access_token", out _), Is.True, "sign-in is unchanged until confirmed");
        await using var connection = await TestServers.Database.OpenConnectionAsync();
        var stored = await connection.QuerySingleAsync<(string Secret, string Codes)>("SELECT totp_secret, totp_recovery_codes::text FROM users WHERE email = @Email", new { Email });
        Assert.That(stored.Secret, Does.StartWith("gAAAAA").And.Not.Contain(secret), "a Fernet token, not the secret");
        Assert.That(stored.Codes,
            Does.Not.Contain(setup.GetProperty("recovery_codes")[0].GetString()).And.Match("^\\[(\"[0-9a-f]{64}\"(, )?){8}\\]$"));
    }

    [Test]
    public async Task Confirm_needs_a_setup_and_the_apps_code_and_then_setup_is_refused_without_touching_the_secret()
    {
        await SendAsync("POST", "/api/auth/register", $$"""{"email": "{{Email}}", "password": "{{Accounts.Password}}"}""");
        var token = (await SendAsync("POST", "/api/auth/login", $$"""{"email": "{{Email}}", "password": "{{Accounts.Password}}"}""")).Json!
            .RootElement.GetProperty("access_token").GetString()!;

        var early = await SendAsync("POST", "/api/auth/2fa/confirm", """{"code": "123456"}""", token);
        var secret = (await SendAsync("POST", "/api/auth/2fa/setup", null, token)).Json!.RootElement.GetProperty("secret").GetString()!;
        var wrong = await SendAsync("POST", "/api/auth/2fa/confirm", $$"""{"code": "{{WrongCode(secret)}}"}""", token);
        var right = await SendAsync("POST", "/api/auth/2fa/confirm", $$"""{"code": "{{CodeFor(secret)}}"}""", token);
        var again = await SendAsync("POST", "/api/auth/2fa/setup", null, token);

        Assert.That(early.Body, Is.EqualTo("""{"detail":"2FA not set up — call /api/auth/2fa/setup first"}"""));
        Assert.That((wrong.Status, wrong.Body), Is.EqualTo((HttpStatusCode.BadRequest, """{"detail":"Invalid TOTP code"}""")));
        Assert.That((right.Status, right.Body), Is.EqualTo((HttpStatusCode.OK, """{"message":"2FA has been enabled"}""")));
        Assert.That((again.Status, again.Body), Is.EqualTo((HttpStatusCode.BadRequest, """{"detail":"2FA is already enabled"}""")));
        Assert.That((await SendAsync("GET", "/api/auth/me", bearer: token)).Json!.RootElement.GetProperty("totp_enabled").GetBoolean(),
            Is.True);
        TwoFactorHost.Clock.Advance(TimeSpan.FromSeconds(30));
        var verified = await SendAsync("POST", "/api/auth/2fa/verify",
            $$"""{"challenge_token": "{{await ChallengeAsync(Email)}}", "code": "{{CodeFor(secret)}}"}""");
        Assert.That(verified.Status, Is.EqualTo(HttpStatusCode.OK), "the original secret still signs in");
    }

    [Test]
    public async Task Sign_in_takes_a_challenge_and_a_code_and_the_challenge_is_no_access_token_anywhere()
    {
        var (secret, _, _) = await EnableTwoFactorAsync(Email);

        var login = await SendAsync("POST", "/api/auth/login", $$"""{"email": "{{Email}}", "password": "{{Accounts.Password}}"}""");
        var challenge = login.Json!.RootElement.GetProperty("challenge_token").GetString()!;
        var asBearer = new List<Answer>();
        foreach (var (method, path) in new[] { ("GET", "/api/auth/me"), ("POST", "/api/auth/2fa/setup"), ("GET", "/api/user/collection"),
            ("GET", "/api/user/app-tokens") })
            asBearer.Add(await SendAsync(method, path, method == "POST" ? "{}" : null, challenge));
        var verified = await SendAsync("POST", "/api/auth/2fa/verify",
            $$"""{"challenge_token": "{{challenge}}", "code": "{{CodeFor(secret)}}"}""");
        var reused = await SendAsync("POST", "/api/auth/2fa/verify",
            $$"""{"challenge_token": "{{challenge}}", "code": "{{CodeFor(secret)}}"}""");

        Assert.That(login.Body,
            Does.Match("""^\{"requires_2fa":true,"challenge_token":"[^"]+","message":"TOTP verification required"\}$"""));
        Assert.That(asBearer.Select(a => (a.Status, a.Detail, a.WwwAuthenticate)),
            Has.All.EqualTo((HttpStatusCode.Unauthorized, "Invalid token", "Bearer")));
        Assert.That(verified.Status, Is.EqualTo(HttpStatusCode.OK), verified.Body);
        var tokens = verified.Json!.RootElement;
        Assert.That(tokens.GetProperty("token_type").GetString(), Is.EqualTo("bearer"));
        Assert.That(tokens.GetProperty("refresh_token").GetString(), Is.Not.Empty, "a session like a password sign-in");
        Assert.That((await SendAsync("GET", "/api/auth/me", bearer: tokens.GetProperty("access_token").GetString())).Status,
            Is.EqualTo(HttpStatusCode.OK));
        Assert.That(reused.Detail, Is.EqualTo("Challenge expired or already used"));
        Assert.That(await TestServers.Redis.KeysAsync("2fa_challenge:*"), Is.Empty);
    }

    [Test]
    public async Task A_code_that_signed_in_once_is_refused_the_second_time()
    {
        var (secret, _, _) = await EnableTwoFactorAsync(Email);
        var code = CodeFor(secret);

        var first = await SendAsync("POST", "/api/auth/2fa/verify",
            $$"""{"challenge_token": "{{await ChallengeAsync(Email)}}", "code": "{{code}}"}""");
        var replayed = await SendAsync("POST", "/api/auth/2fa/verify",
            $$"""{"challenge_token": "{{await ChallengeAsync(Email)}}", "code": "{{code}}"}""");
        TwoFactorHost.Clock.Advance(TimeSpan.FromSeconds(30));
        var next = await SendAsync("POST", "/api/auth/2fa/verify",
            $$"""{"challenge_token": "{{await ChallengeAsync(Email)}}", "code": "{{CodeFor(secret)}}"}""");

        Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((replayed.Status, replayed.Body), Is.EqualTo((HttpStatusCode.Unauthorized, """{"detail":"Invalid TOTP code"}""")));
        Assert.That(next.Status, Is.EqualTo(HttpStatusCode.OK), "the next step's code works");
    }

    [Test]
    public async Task Five_wrong_codes_lock_both_second_steps_until_the_lock_runs_out_and_the_count_then_starts_again()
    {
        var (secret, recoveryCodes, _) = await EnableTwoFactorAsync(Email);

        var failures = new List<Answer>();
        for (var i = 0; i < 5; i++)
            failures.Add(await SendAsync("POST", "/api/auth/2fa/verify",
                $$"""{"challenge_token": "{{await ChallengeAsync(Email)}}", "code": "{{WrongCode(secret)}}"}"""));
        var challenge = await ChallengeAsync(Email);
        var lockedVerify = await SendAsync("POST", "/api/auth/2fa/verify",
            $$"""{"challenge_token": "{{challenge}}", "code": "{{CodeFor(secret)}}"}""");
        var lockedRecovery = await SendAsync("POST", "/api/auth/2fa/recovery",
            $$"""{"challenge_token": "{{challenge}}", "code": "{{recoveryCodes[0]}}"}""");
        var challengeKept = await TestServers.Redis.KeysAsync("2fa_challenge:*");

        Assert.That(failures.Select(f => f.Detail), Has.All.EqualTo("Invalid TOTP code"));
        foreach (var locked in new[] { lockedVerify, lockedRecovery })
        {
            Assert.That((locked.Status, locked.Body),
                Is.EqualTo((HttpStatusCode.TooManyRequests, """{"detail":"Account temporarily locked due to failed 2FA attempts"}""")));
            Assert.That(locked.RetryAfter, Is.GreaterThan(TimeSpan.FromMinutes(14)));
        }
        Assert.That(challengeKept, Has.Length.EqualTo(1), "a refused attempt does not spend the challenge");
        Assert.That(await AuditActionsAsync(),
            Has.Exactly(1).EqualTo(ServiceModel.AuditActions.TwoFactorLocked).And.Exactly(5).EqualTo(ServiceModel.AuditActions.TwoFactorFailure));

        TwoFactorHost.Clock.Advance(TimeSpan.FromMinutes(16));
        var afterLock = await SendAsync("POST", "/api/auth/2fa/verify",
            $$"""{"challenge_token": "{{await ChallengeAsync(Email)}}", "code": "{{WrongCode(secret)}}"}""");
        var signedIn = await SendAsync("POST", "/api/auth/2fa/verify",
            $$"""{"challenge_token": "{{await ChallengeAsync(Email)}}", "code": "{{CodeFor(secret)}}"}""");

        Assert.That(afterLock.Detail, Is.EqualTo("Invalid TOTP code"), "one mistake after the lock does not lock again");
        Assert.That(signedIn.Status, Is.EqualTo(HttpStatusCode.OK), signedIn.Body);
    }

    [Test]
    public async Task Recovery_codes_sign_in_once_each_count_wrong_guesses_and_warn_at_the_last_one()
    {
        var (_, recoveryCodes, _) = await EnableTwoFactorAsync(Email);

        var used = await SendAsync("POST", "/api/auth/2fa/recovery",
            $$"""{"challenge_token": "{{await ChallengeAsync(Email)}}", "code": "{{recoveryCodes[0]}}"}""");
        var reused = await SendAsync("POST", "/api/auth/2fa/recovery",
            $$"""{"challenge_token": "{{await ChallengeAsync(Email)}}", "code": "{{recoveryCodes[0]}}"}""");
        var caseChanged = await SendAsync("POST", "/api/auth/2fa/recovery",
            $$"""{"challenge_token": "{{await ChallengeAsync(Email)}}", "code": "{{Flip(recoveryCodes[1])}}"}""");
        await using (var connection = await TestServers.Database.OpenConnectionAsync())
            await connection.ExecuteAsync("UPDATE users SET totp_recovery_codes = totp_recovery_codes - 6 - 5 - 4 - 3 - 2 - 1 WHERE email = @Email", new { Email });
        var last = await SendAsync("POST", "/api/auth/2fa/recovery",
            $$"""{"challenge_token": "{{await ChallengeAsync(Email)}}", "code": "{{recoveryCodes[1]}}"}""");
        var none = await SendAsync("POST", "/api/auth/2fa/recovery",
            $$"""{"challenge_token": "{{await ChallengeAsync(Email)}}", "code": "{{recoveryCodes[2]}}"}""");

        Assert.That(used.Status, Is.EqualTo(HttpStatusCode.OK), used.Body);
        Assert.That(used.Json!.RootElement.TryGetProperty("warning", out _), Is.False);
        Assert.That((reused.Detail, caseChanged.Detail), Is.EqualTo(("Invalid recovery code", "Invalid recovery code")));
        Assert.That(last.Json!.RootElement.GetProperty("warning").GetString(),
            Is.EqualTo("This was your last recovery code. Please set up new recovery codes."));
        Assert.That(none.Detail, Is.EqualTo("No recovery codes available"));
        var actions = await AuditActionsAsync();
        Assert.That(actions, Has.Exactly(2).EqualTo(ServiceModel.AuditActions.TwoFactorRecoveryCodeUsed).And.Exactly(2).EqualTo(ServiceModel.AuditActions.TwoFactorFailure));
    }

    [Test]
    public async Task Challenges_that_are_forged_expired_of_another_type_or_unknown_are_refused_with_the_references_messages()
    {
        await EnableTwoFactorAsync(Email);
        var userId = await Accounts.IdOfAsync(Email);
        var challenge = await ChallengeAsync(Email);

        async Task<string?> VerifyAsync(string token) =>
            (await SendAsync("POST", "/api/auth/2fa/verify", $$"""{"challenge_token": "{{token}}", "code": "123456"}""")).Detail;

        Assert.That(await VerifyAsync("not.a.jwt"), Is.EqualTo("Invalid or expired challenge token"));
        Assert.That(await VerifyAsync(TestTokens.Create(userId.ToString(), Email, jti: "abc")), Is.EqualTo("Invalid challenge token type"));
        var key = (await TestServers.Redis.KeysAsync("2fa_challenge:*")).Single();
        Assert.That(await TestServers.Redis.TimeToLiveAsync(key), Is.InRange(TimeSpan.FromSeconds(290), TimeSpan.FromSeconds(300)));
        await TestServers.Redis.DeleteAsync(key);
        Assert.That(await VerifyAsync(challenge), Is.EqualTo("Challenge expired or already used"));
        var later = await ChallengeAsync(Email);
        TwoFactorHost.Clock.Advance(TimeSpan.FromSeconds(301));
        Assert.That(await VerifyAsync(later), Is.EqualTo("Invalid or expired challenge token"));
    }

    [TestCase("12345", "string_too_short", "String should have at least 6 characters")]
    [TestCase("1234567", "string_too_long", "String should have at most 6 characters")]
    [TestCase("12a456", "string_pattern_mismatch", "String should match pattern '^\\d{6}$'")]
    public async Task A_code_that_is_not_six_digits_is_a_422_like_pydantics(string code, string type, string message)
    {
        var answer = await SendAsync("POST", "/api/auth/2fa/verify", $$"""{"challenge_token": "x", "code": "{{code}}"}""");

        var error = answer.Json!.RootElement.GetProperty("detail")[0];
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That((error.GetProperty("type").GetString(), error.GetProperty("msg").GetString()), Is.EqualTo((type, message)));
        Assert.That(error.GetProperty("loc").ToString(), Is.EqualTo("""["body","code"]"""));
    }

    [Test]
    public async Task Disable_needs_the_password_and_a_code_and_then_sign_in_needs_the_password_alone()
    {
        var (secret, _, token) = await EnableTwoFactorAsync(Email);

        var wrongPassword = await SendAsync("POST", "/api/auth/2fa/disable", $$"""{"code": "{{CodeFor(secret)}}", "password": "nope"}""",
            token);
        var wrongCode = await SendAsync("POST", "/api/auth/2fa/disable",
            $$"""{"code": "{{WrongCode(secret)}}", "password": "{{Accounts.Password}}"}""", token);
        var disabled = await SendAsync("POST", "/api/auth/2fa/disable",
            $$"""{"code": "{{CodeFor(secret)}}", "password": "{{Accounts.Password}}"}""", token);
        var again = await SendAsync("POST", "/api/auth/2fa/disable",
            $$"""{"code": "{{CodeFor(secret)}}", "password": "{{Accounts.Password}}"}""", token);
        var login = await SendAsync("POST", "/api/auth/login", $$"""{"email": "{{Email}}", "password": "{{Accounts.Password}}"}""");

        Assert.That((wrongPassword.Status, wrongPassword.Body, wrongPassword.WwwAuthenticate),
            Is.EqualTo((HttpStatusCode.Unauthorized, """{"detail":"Incorrect password"}""", "")));
        Assert.That((wrongCode.Status, wrongCode.Body), Is.EqualTo((HttpStatusCode.BadRequest, """{"detail":"Invalid TOTP code"}""")));
        Assert.That((disabled.Status, disabled.Body), Is.EqualTo((HttpStatusCode.OK, """{"message":"2FA has been disabled"}""")));
        Assert.That(again.Body, Is.EqualTo("""{"detail":"2FA is not enabled"}"""));
        Assert.That(login.Json!.RootElement.TryGetProperty("access_token", out _), Is.True);
        Assert.That(await AuditActionsAsync(),
            Has.Exactly(1).EqualTo(ServiceModel.AuditActions.TwoFactorEnabled).And.Exactly(1).EqualTo(ServiceModel.AuditActions.TwoFactorDisabled));
    }

    [Test]
    public async Task An_administrator_resets_a_locked_out_users_2fa_and_the_reset_is_audited()
    {
        await EnableTwoFactorAsync(Email);
        var userId = await Accounts.IdOfAsync(Email);
        await SendAsync("POST", "/api/auth/register", $$"""{"email": "root@example.com", "password": "{{Accounts.Password}}"}""");
        await Accounts.SetFlagsAsync("root@example.com", isAdmin: true);
        var admin = (await SendAsync("POST", "/api/auth/login",
            $$"""{"email": "root@example.com", "password": "{{Accounts.Password}}"}""")).Json!
            .RootElement.GetProperty("access_token").GetString()!;

        var before = (await SendAsync("GET", $"/api/admin/users/{userId}", bearer: admin)).Json!.RootElement.GetProperty("two_factor");
        var reset = await SendAsync("DELETE", $"/api/admin/users/{userId}/2fa", bearer: admin);
        var after = (await SendAsync("GET", $"/api/admin/users/{userId}", bearer: admin)).Json!.RootElement.GetProperty("two_factor");
        var login = await SendAsync("POST", "/api/auth/login", $$"""{"email": "{{Email}}", "password": "{{Accounts.Password}}"}""");

        Assert.That(before.GetProperty("enabled").GetBoolean() && before.GetProperty("recovery_codes_left").GetInt32() == 8, Is.True,
            before.ToString());
        Assert.That((reset.Status, reset.Body), Is.EqualTo((HttpStatusCode.OK, """{"message":"2FA has been reset"}""")));
        Assert.That(after.GetProperty("enabled").GetBoolean(), Is.False);
        Assert.That(login.Json!.RootElement.TryGetProperty("access_token", out _), Is.True);
        await using var connection = await TestServers.Database.OpenConnectionAsync();
        var audited = await connection.QuerySingleAsync<string>("SELECT details::text FROM audit_log WHERE action = '2fa_reset'");
        Assert.That(audited, Does.Contain(Email).And.Contain("\"was_enabled\": true"));
    }

    [Test]
    public async Task A_secret_the_configured_master_key_cannot_read_is_a_503_naming_the_setting()
    {
        var (secret, _, _) = await EnableTwoFactorAsync(Email);
        var settings = TwoFactorHost.SettingsOnFreshPorts() with { EncryptionMasterKey = ServiceInterface.Security.Fernet.GenerateKey() };
        await using var rekeyed = await TestHost.StartAsync(settings);

        var answer = await SendAsync("POST", "/api/auth/2fa/verify",
            $$"""{"challenge_token": "{{await ChallengeAsync(Email)}}", "code": "{{CodeFor(secret)}}"}""", host: rekeyed);

        Assert.That((answer.Status, answer.Detail),
            Is.EqualTo((HttpStatusCode.ServiceUnavailable,
                "The server is misconfigured (ENCRYPTION_MASTER_KEY); an operator has been told")));
        Assert.That(answer.Body, Does.Not.Contain(secret));
    }

    [Test]
    public async Task Second_steps_are_rate_limited_per_address_and_setup_needs_a_master_key()
    {
        var verify = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
            verify.Add((await SendAsync("POST", "/api/auth/2fa/verify", """{"challenge_token": "x", "code": "123456"}""",
                host: Host)).Status);
        var recovery = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
            recovery.Add((await SendAsync("POST", "/api/auth/2fa/recovery", """{"challenge_token": "x", "code": "y"}""",
                host: Host)).Status);
        var login = await Accounts.RegisterAndLoginAsync(Client, Email);
        var setup = await SendAsync("POST", "/api/auth/2fa/setup", null, login.AccessToken, Host);

        Assert.That(verify, Is.EqualTo(Enumerable.Repeat(HttpStatusCode.Unauthorized, 10).Append(HttpStatusCode.TooManyRequests)));
        Assert.That(recovery, Is.EqualTo(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5).Append(HttpStatusCode.TooManyRequests)));
        Assert.That((setup.Status, setup.Body),
            Is.EqualTo((HttpStatusCode.ServiceUnavailable, """{"detail":"Encryption not configured"}""")),
            "the shared host has no ENCRYPTION_MASTER_KEY");
    }

    /// <summary>A six-digit code that is none of the window's.</summary>
    private string WrongCode(string secret)
    {
        var valid = new[] { CodeFor(secret, -1), CodeFor(secret), CodeFor(secret, 1) };
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(c => !valid.Contains(c));
    }

    /// <summary>The code with the case of its letters swapped (sixteen random base64 characters without a letter: one
    /// chance in 10¹¹).</summary>
    private static string Flip(string code) =>
        new([.. code.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c))]);

    private static async Task<List<string>> AuditActionsAsync()
    {
        await using var connection = await TestServers.Database.OpenConnectionAsync();
        return [.. await connection.QueryAsync<string>("SELECT action FROM audit_log ORDER BY id")];
    }
}
