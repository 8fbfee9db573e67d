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

    private static void Fill(IRenderedComponent<LoginPage> page, string email, string password)
    {
        page.Find("input[data-testid=login-email]").Change(email);
        page.Find("input[data-testid=login-password]").Change(password);
        page.Find("form").Submit();
    }
}
