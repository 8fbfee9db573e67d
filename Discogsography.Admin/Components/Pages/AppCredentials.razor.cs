using System.ComponentModel.DataAnnotations;
using Discogsography.ServiceModel;

namespace Discogsography.Admin.Components.Pages;

/// <summary>The Discogs app credentials: shown masked, replaced through the API (never read back in clear).</summary>
public partial class AppCredentials
{
    private AppCredentialsResponse? current;
    private Form form = new();

    protected override Task LoadAsync() => CallAsync(async () => current = await Api.SendAsync(new GetAppCredentials()));

    private async Task SaveAsync()
    {
        var saved = await CallAsync(async () =>
            current = await Api.SendAsync(new SetAppCredentials { ConsumerKey = form.ConsumerKey.Trim(),
                ConsumerSecret = form.ConsumerSecret.Trim() }));
        if (!saved)
            return;
        form = new Form();
        Announce("Credentials updated.");
    }

    private sealed class Form
    {
        [Required(ErrorMessage = "Enter the consumer key")]
        public string ConsumerKey { get; set; } = "";

        [Required(ErrorMessage = "Enter the consumer secret")]
        public string ConsumerSecret { get; set; } = "";
    }
}
