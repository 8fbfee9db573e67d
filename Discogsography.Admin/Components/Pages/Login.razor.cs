using System.ComponentModel.DataAnnotations;
using Discogsography.Admin.Services;
using Discogsography.ServiceModel;
using Microsoft.AspNetCore.Components;

namespace Discogsography.Admin.Components.Pages;

public partial class Login
{
    private readonly Credentials credentials = new();
    private readonly SecondFactor secondFactor = new();
    private string? challengeToken;
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

    private Task SignInAsync() => AttemptAsync(async () =>
    {
        challengeToken = await Session.SignInAsync(credentials.Email, credentials.Password);
        if (challengeToken is null)
            Navigation.NavigateTo(SafeReturnUrl);
    });

    /// <summary>A challenge works once: whatever the outcome, a new attempt starts again with the password.</summary>
    private Task CompleteTwoFactorAsync() => AttemptAsync(async () =>
    {
        var challenge = challengeToken!;
        challengeToken = null;
        credentials.Password = "";
        await Session.CompleteTwoFactorAsync(challenge, secondFactor.Code.Trim(), secondFactor.UseRecoveryCode);
        Navigation.NavigateTo(SafeReturnUrl);
    });

    private async Task AttemptAsync(Func<Task> attempt)
    {
        busy = true;
        error = null;
        try
        {
            await attempt();
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

    private sealed class SecondFactor : IValidatableObject
    {
        [Required(ErrorMessage = "Enter the code")]
        public string Code { get; set; } = "";

        public bool UseRecoveryCode { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (!UseRecoveryCode && !System.Text.RegularExpressions.Regex.IsMatch(Code.Trim(), TotpCodeRules.Pattern))
                yield return new ValidationResult("The code has 6 digits", [nameof(Code)]);
        }
    }
}
