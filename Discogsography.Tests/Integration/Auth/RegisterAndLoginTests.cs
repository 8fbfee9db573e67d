using System.Net;
using System.Text;
using Dapper;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Auth;

/// <summary>REFERENCE-API.md §4.2–4.3 and §15.2–15.3.</summary>
public sealed class RegisterAndLoginTests : ApiTest
{
    [Test]
    public async Task Registration_answers_201_with_only_a_message_and_stores_the_email_lowercased()
    {
        using var response = await Http.PostAsync("/api/auth/register",
            Json("""{"email":"  Test@Example.COM ","password":"Password123!"}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"message":"Registration processed"}"""));
        await using var connection = await TestServers.Database.OpenConnectionAsync();
        var stored = await connection.QuerySingleAsync<(string Email, string Hash)>("SELECT email, hashed_password FROM users");
        Assert.That(stored.Email, Is.EqualTo("test@example.com"));
        Assert.That(stored.Hash, Does.Match("^[0-9a-f]{64}:[0-9a-f]{64}$"));
    }

    [Test]
    public async Task A_duplicate_registration_gets_the_identical_201_and_changes_nothing()
    {
        using var first = await Http.PostAsync("/api/auth/register", Json("""{"email":"dup@example.com","password":"Password123!"}"""));
        using var second = await Http.PostAsync("/api/auth/register",
            Json("""{"email":"DUP@example.com","password":"Other-password-9"}"""));

        Assert.That(second.StatusCode, Is.EqualTo(first.StatusCode));
        Assert.That(await second.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
        Assert.DoesNotThrowAsync(() => Client.SendAsync(new Login { Email = "dup@example.com", Password = "Password123!" }),
            "the first password still works");
    }

    [TestCase("""{"email":"not-an-email","password":"Password123!"}""", "value_error", "email", "Value error, Invalid email address")]
    [TestCase("""{"email":"a@b.c","password":"short"}""", "string_too_short", "password", "String should have at least 8 characters")]
    [TestCase("""{"email":5,"password":"Password123!"}""", "string_type", "email", "Input should be a valid string")]
    [TestCase("""{"password":"Password123!"}""", "missing", "email", "Field required")]
    public async Task Invalid_registrations_are_422_with_the_reference_error(string body, string type, string field, string message)
    {
        var error = await ErrorOf(await Http.PostAsync("/api/auth/register", Json(body)));

        Assert.That(error, Does.Contain($"{{\"type\":\"{type}\",\"loc\":[\"body\",\"{field}\"],\"msg\":\"{message}\""));
    }

    [Test]
    public async Task A_password_of_exactly_8_characters_and_an_email_over_255_characters_are_told_apart()
    {
        using var ok = await Http.PostAsync("/api/auth/register", Json("""{"email":"eight@example.com","password":"12345678"}"""));
        var longEmail = new string('a', 250) + "@example.com";
        using var tooLong = await Http.PostAsync("/api/auth/register", Json($$"""{"email":"{{longEmail}}","password":"12345678"}"""));

        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(tooLong.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity),
            "the reference answers 500 here; ours is a clear 422");
    }

    [Test]
    public async Task Login_returns_a_bearer_token_that_expires_in_1800_seconds_and_a_refresh_token()
    {
        await Client.SendAsync(new Register { Email = "user@example.com", Password = "Password123!" });

        var login = await Client.SendAsync(new Login { Email = "  USER@example.com", Password = "Password123!" });

        Assert.That((login.TokenType, login.ExpiresIn), Is.EqualTo(("bearer", 1800)));
        Assert.That(login.AccessToken!.Split('.'), Has.Length.EqualTo(3));
        Assert.That(login.RefreshToken, Has.Length.GreaterThanOrEqualTo(43));
    }

    [Test]
    public async Task Unknown_email_wrong_password_and_inactive_account_get_the_same_401()
    {
        await Client.SendAsync(new Register { Email = "active@example.com", Password = "Password123!" });
        await Client.SendAsync(new Register { Email = "inactive@example.com", Password = "Password123!" });
        await Accounts.SetFlagsAsync("inactive@example.com", isActive: false);

        var responses = new[]
        {
            await Http.PostAsync("/api/auth/login", Json("""{"email":"nobody@example.com","password":"Password123!"}""")),
            await Http.PostAsync("/api/auth/login", Json("""{"email":"active@example.com","password":"wrong-password"}""")),
            await Http.PostAsync("/api/auth/login", Json("""{"email":"inactive@example.com","password":"Password123!"}""")),
        };

        foreach (var response in responses)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"detail":"Incorrect email or password"}"""));
            Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
            response.Dispose();
        }
    }

    [Test]
    public async Task An_empty_password_passes_validation_and_is_simply_wrong()
    {
        await Client.SendAsync(new Register { Email = "user@example.com", Password = "Password123!" });

        var error = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new Login { Email = "user@example.com", Password = "" }))!;

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<string> ErrorOf(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            return await response.Content.ReadAsStringAsync();
        }
    }
}
