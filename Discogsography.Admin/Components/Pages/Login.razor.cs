using System.ComponentModel.DataAnnotations;
using Discogsography.Admin.Services;
using Discogsography.ServiceModel;
using Microsoft.AspNetCore.Components;

namespace Discogsography.Admin.Components.Pages;

public partial class Login
{
    private readonly Credentials credentials = new();
    private string? error;
    private bool busy;

    [Inject] public required AdminSession Session { get; init; }

    [Inject] public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromQuery] public string? ReturnUrl { get; set; }

    [SupplyParameterFromQuery] public bool Expired { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (!Expired && await Session.EnsureRestoredAsync())
            Navigation.NavigateTo(SafeReturnUrl);
    }

    private async Task SignInAsync()
    {
        busy = true;
        error = null;
        try
        {
            await Session.SignInAsync(credentials.Email, credentials.Password);
            Navigation.NavigateTo(SafeReturnUrl);
        }
        catch (AdminSignInException e)
        {
            error = e.Message;
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or TaskCanceledException)
        {
            error = ApiProblem.From(e).Message;
        }
        finally
        {
            busy = false;
        }
    }

    /// <summary>Only paths of this app: an absolute return URL could send the admin elsewhere.</summary>
    private string SafeReturnUrl =>
        ReturnUrl is { Length: > 1 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.StartsWith("/login", StringComparison.Ordinal) ? url : "/";

    private sealed class Credentials
    {
        [Required(ErrorMessage = "Enter your email"), EmailAddress(ErrorMessage = "Enter a valid email address")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password")]
        public string Password { get; set; } = "";
    }
}
