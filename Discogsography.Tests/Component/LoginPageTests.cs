using System.Net;
using Bunit;
using LoginPage = Discogsography.Admin.Components.Pages.Login;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Component;

public sealed class LoginPageTests : AdminComponentTest
{
    [SetUp]
    public void SignedOut() => Store.Stored = null;

    [Test]
    public void An_empty_form_shows_what_is_missing_and_sends_nothing()
    {
        var page = Context.Render<LoginPage>();

        page.Find("form").Submit();

        Assert.That(page.Markup, Does.Contain("Enter your email").And.Contain("Enter your password"));
        Assert.That(Api.Sent, Is.Empty);
    }

    [Test]
    public void Wrong_credentials_show_the_API_message()
    {
        Api.On<Login, LoginResponse>(_ => throw FakeApiClient.Error(HttpStatusCode.Unauthorized, "Incorrect email or password"));
        var page = Context.Render<LoginPage>();

        Fill(page, "admin@example.com", "not the password");

        Assert.That(page.Find("[data-testid=login-error]").TextContent, Is.EqualTo("Incorrect email or password"));
        Assert.That(Store.Stored, Is.Null);
    }

    [Test]
    public void A_non_admin_is_refused_and_their_new_session_ended()
    {
        Api.On<Login, LoginResponse>(_ => new LoginResponse { AccessToken = "user-token", RefreshToken = "r", ExpiresIn = 1800 });
        Api.On<GetMe, MeResponse>(_ => new MeResponse { Email = "user@example.com", IsActive = true, IsAdmin = false });
        Api.On<Logout, LogoutResponse>(_ => new LogoutResponse { LoggedOut = true });
        var page = Context.Render<LoginPage>();

        Fill(page, "user@example.com", "correct horse battery");

        Assert.That(page.Find("[data-testid=login-error]").TextContent, Is.EqualTo("This account is not an administrator."));
        Assert.That(Api.Sent.OfType<Logout>(), Has.Exactly(1).Items);
        Assert.That((Store.Stored, Api.BearerToken), Is.EqualTo(((Admin.Services.StoredAdminSession?)null, (string?)null)));
    }

    [TestCase("/users", "http://localhost/users")]
    [TestCase("//evil.example.com/x", "http://localhost/")]
    [TestCase(null, "http://localhost/")]
    public void An_admin_is_signed_in_kept_in_the_tab_and_sent_back_where_they_were(string? returnUrl, string landing)
    {
        Api.On<Login, LoginResponse>(_ => new LoginResponse { AccessToken = "admin-token", RefreshToken = "r", ExpiresIn = 1800 });
        Api.On<GetMe, MeResponse>(_ => new MeResponse { Email = "admin@example.com", IsActive = true, IsAdmin = true });
        Navigation.NavigateTo(returnUrl is null ? "/login" : $"/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var page = Context.Render<LoginPage>();

        Fill(page, "admin@example.com", "correct horse battery");

        Assert.That(Navigation.Uri, Is.EqualTo(landing));
        Assert.That((Store.Stored!.Email, Store.Stored.AccessToken), Is.EqualTo(("admin@example.com", "admin-token")));
        Assert.That(Store.Stored.ExpiresAt, Is.EqualTo(DateTimeOffset.UtcNow.AddMinutes(30)).Within(TimeSpan.FromMinutes(1)));
    }

    [Test]
    public void An_ended_session_is_explained()
    {
        Navigation.NavigateTo("/login?expired=true");

        var page = Context.Render<LoginPage>();

        Assert.That(page.Find("[data-testid=session-expired]").TextContent, Does.Contain("Your session has ended"));
    }

    [Test]
    public void An_admin_with_two_factor_authentication_gives_a_code_after_the_password()
    {
        Api.On<Login, LoginResponse>(_ =>
            new LoginResponse { RequiresTwoFactor = true, ChallengeToken = "challenge", Message = "TOTP verification required" });
        Api.On<VerifyTwoFactor, LoginResponse>(_ => new LoginResponse { AccessToken = "admin-token", RefreshToken = "r", ExpiresIn = 1800,
                TokenType = "bearer" });
        Api.On<GetMe, MeResponse>(_ => new MeResponse { Email = "admin@example.com", IsActive = true, IsAdmin = true, TotpEnabled = true });
        var page = Context.Render<LoginPage>();

        Fill(page, "admin@example.com", "correct horse battery");
        page.Find("input[data-testid=second-factor-code]").Change("12345");
        page.Find("form").Submit();
        var refusedLocally = page.Markup.Contains("The code has 6 digits");
        page.Find("input[data-testid=second-factor-code]").Change(" 123456 ");
        page.Find("form").Submit();

        Assert.That(refusedLocally, Is.True, "five digits are refused before anything is sent");
        Assert.That(Api.SentOf<VerifyTwoFactor>().Single(),
            Has.Property("ChallengeToken").EqualTo("challenge").And.Property("Code").EqualTo("123456"));
        Assert.That(Store.Stored!.AccessToken, Is.EqualTo("admin-token"));
        Assert.That(Navigation.Uri, Is.EqualTo("http://localhost/"));
    }

    [Test]
    public void A_refused_second_step_starts_again_from_the_password_with_the_reason()
    {
        Api.On<Login, LoginResponse>(_ =>
            new LoginResponse { RequiresTwoFactor = true, ChallengeToken = "challenge", Message = "TOTP verification required" });
        Api.On<RecoverTwoFactor, LoginResponse>(_ => throw FakeApiClient.Error(HttpStatusCode.Unauthorized, "Invalid recovery code"));
        var page = Context.Render<LoginPage>();

        Fill(page, "admin@example.com", "correct horse battery");
        page.Find("input[data-testid=second-factor-recovery]").Change(true);
        page.Find("input[data-testid=second-factor-code]").Change("AbCdEfGhIjKlMnOp");
        page.Find("form").Submit();

        Assert.That(Api.SentOf<RecoverTwoFactor>().Single().Code, Is.EqualTo("AbCdEfGhIjKlMnOp"));
        Assert.That(page.Find("[data-testid=login-error]").TextContent, Is.EqualTo("Invalid recovery code"));
        Assert.That(page.FindAll("input[data-testid=login-password]"), Has.Count.EqualTo(1), "the challenge is spent: the password again");
        Assert.That(Store.Stored, Is.Null);
    }

    private static void Fill(IRenderedComponent<LoginPage> page, string email, string password)
    {
        page.Find("input[data-testid=login-email]").Change(email);
        page.Find("input[data-testid=login-password]").Change(password);
        page.Find("form").Submit();
    }
}
