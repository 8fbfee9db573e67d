using System.Net;
using Bunit;
using Discogsography.Admin.Components.Pages;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Component;

public sealed class AppCredentialsPageTests : AdminComponentTest
{
    [SetUp]
    public void AnswerTheCredentials() =>
        Api.On<GetAppCredentials, AppCredentialsResponse>(_ =>
                new AppCredentialsResponse { ConsumerKey = "(not set)", ConsumerSecret = "(not set)", EncryptedAtRest = true });

    [Test]
    public void The_stored_credentials_are_shown_masked()
    {
        var page = Context.Render<AppCredentials>();

        Assert.That((page.Find("[data-testid=masked-key]").TextContent, page.Find("[data-testid=masked-secret]").TextContent),
            Is.EqualTo(("(not set)", "(not set)")));
        Assert.That(page.Find("[data-testid=current-credentials]").TextContent, Does.Contain("Encrypted at rest"));
    }

    [Test]
    public void Both_fields_are_required_before_anything_is_sent()
    {
        var page = Context.Render<AppCredentials>();

        page.Find("input[data-testid=consumer-key]").Change("only-the-key");
        page.Find("form").Submit();

        Assert.That(page.Markup, Does.Contain("Enter the consumer secret").And.Not.Contain("Enter the consumer key"));
        Assert.That(Api.SentOf<SetAppCredentials>(), Is.Empty);
    }

    [Test]
    public void Saving_sends_both_values_shows_the_new_masks_and_clears_the_form()
    {
        Api.On<SetAppCredentials, AppCredentialsResponse>(_ => new AppCredentialsResponse
        {
            ConsumerKey = "ab******yz", ConsumerSecret = "cd**********wx", Configured = true, EncryptedAtRest = true,
        });
        var page = Context.Render<AppCredentials>();

        page.Find("input[data-testid=consumer-key]").Change("abcdefghyz");
        page.Find("input[data-testid=consumer-secret]").Change("cdefghijklmnwx");
        page.Find("form").Submit();

        var sent = Api.SentOf<SetAppCredentials>().Single();
        Assert.That((sent.ConsumerKey, sent.ConsumerSecret), Is.EqualTo(("abcdefghyz", "cdefghijklmnwx")));
        Assert.That(page.Find("[data-testid=masked-key]").TextContent, Is.EqualTo("ab******yz"));
        Assert.That(Notices(), Is.EqualTo(new[] { "Credentials updated." }));
        Assert.That(page.Find("input[data-testid=consumer-key]").GetAttribute("value"), Is.Empty.Or.Null, "the form is cleared");
    }

    [Test]
    public void A_refusal_is_shown_and_nothing_claims_success()
    {
        Api.On<SetAppCredentials, AppCredentialsResponse>(_ =>
                throw FakeApiClient.Error(HttpStatusCode.BadRequest, "Both the consumer key and the consumer secret are required"));
        var page = Context.Render<AppCredentials>();

        page.Find("input[data-testid=consumer-key]").Change("k");
        page.Find("input[data-testid=consumer-secret]").Change("s");
        page.Find("form").Submit();

        Assert.That(page.Find("[data-testid=api-error-message]").TextContent,
            Is.EqualTo("Both the consumer key and the consumer secret are required"));
        Assert.That(Notices(), Is.Empty);
    }
}
