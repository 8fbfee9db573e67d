using System.Net;
using Discogsography.Admin.Components.Shared;
using Discogsography.Admin.Services;
using Discogsography.ServiceModel;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Discogsography.Admin.Components;

/// <summary>What went wrong with a call to the API, as the error summary shows it.</summary>
public sealed record ApiProblem(string Message, IReadOnlyList<FieldError> FieldErrors)
{
    public static ApiProblem From(Exception e) => e switch
    {
        ApiException api => new(api.ErrorMessage, api.FieldErrors),
        HttpRequestException or TaskCanceledException => new($"The API cannot be reached: {e.Message}", []),
        _ => new(e.Message, []),
    };
}

/// <summary>
/// Base of every signed-in page: sends anyone without a live session to the sign-in page, runs API calls so their
/// errors land in <see cref="Problem"/> (shown by the one error summary) and a refused token ends the session, asks
/// before hard-to-undo changes, announces outcomes, and refreshes live data on a timer until the page goes away.
/// </summary>
public abstract class AdminPage : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource disposed = new();
    private bool sessionEnded;

    [Inject] public required IApiClient Api { get; init; }

    [Inject] public required AdminSession Session { get; init; }

    [Inject] public required NavigationManager Navigation { get; init; }

    [Inject] public required AdminSettings Settings { get; init; }

    [Inject] public required ISnackbar Snackbar { get; init; }

    [Inject] public required IDialogService Dialogs { get; init; }

    private bool problemFromAction;

    /// <summary>The last API error, or null after a successful call.</summary>
    protected ApiProblem? Problem { get; private set; }

    /// <summary>True once the session is known to be live and the page may show data.</summary>
    protected bool Ready { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        if (!await Session.EnsureRestoredAsync())
        {
            Navigation.NavigateTo(LoginPath(expired: false));
            return;
        }
        Ready = true;
        await LoadAsync();
    }

    /// <summary>Loads the page's data once the session is known.</summary>
    protected virtual Task LoadAsync() => Task.CompletedTask;

    /// <summary>
    /// Runs an API call: true on success; on failure the problem is kept, and a 401 or an expired session signs out. A
    /// background read (<paramref name="background"/>: a grid page, a live refresh) that succeeds does not clear the
    /// problem of the administrator's last action, which they may not have read yet.
    /// </summary>
    protected async Task<bool> CallAsync(Func<Task> call, bool background = false)
    {
        if (sessionEnded)
            return false;
        if (!Session.IsSignedIn)
        {
            await SessionEndedAsync();
            return false;
        }
        try
        {
            await call();
            if (!background || !problemFromAction)
                Problem = null;
            return true;
        }
        catch (ApiException e) when (e.StatusCode == HttpStatusCode.Unauthorized)
        {
            await SessionEndedAsync();
            return false;
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or TaskCanceledException)
        {
            Problem = ApiProblem.From(e);
            problemFromAction = !background;
            return false;
        }
        finally
        {
            StateHasChanged();
        }
    }

    /// <summary>A page for a server grid, or null (and the problem shown) when the call failed.</summary>
    protected async Task<GridPage<T>?> PageAsync<T>(Func<Task<GridPage<T>>> call)
    {
        GridPage<T>? page = null;
        await CallAsync(async () => page = await call(), background: true);
        return page;
    }

    /// <summary>Asks before a change that is hard to undo; true when the administrator confirmed.</summary>
    protected async Task<bool> ConfirmAsync(string title, string question, string confirmText, bool destructive = false)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Question, question },
            { d => d.ConfirmText, confirmText },
            { d => d.Destructive, destructive },
        };
        var dialog = await Dialogs.ShowAsync<ConfirmDialog>(title, parameters,
            new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        var result = await dialog.Result;
        return result is { Canceled: false };
    }

    /// <summary>Announces what an action did; it fades on its own (it is about the moment, not the job's later state).</summary>
    protected void Announce(string message, Severity severity = Severity.Success) =>
        Snackbar.Add(builder =>
        {
            builder.OpenElement(0, "span");
            builder.AddAttribute(1, "data-testid", "notice");
            builder.AddContent(2, message);
            builder.CloseElement();
        }, severity);

    /// <summary>Calls <paramref name="refresh"/> every <see cref="AdminSettings.LiveRefreshInterval"/> while the page is shown.</summary>
    protected void RefreshLive(Func<Task> refresh) => _ = RefreshLoopAsync(refresh);

    private async Task RefreshLoopAsync(Func<Task> refresh)
    {
        using var timer = new PeriodicTimer(Settings.LiveRefreshInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(disposed.Token))
                await InvokeAsync(async () =>
                {
                    await refresh();
                    StateHasChanged();
                });
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Signs out and goes to the sign-in page once; later calls of this page (a second load, a live refresh) do nothing.</summary>
    private async Task SessionEndedAsync()
    {
        sessionEnded = true;
        await Session.ExpireAsync();
        Navigation.NavigateTo(LoginPath(expired: true));
    }

    private string LoginPath(bool expired)
    {
        var returnUrl = Uri.EscapeDataString("/" + Navigation.ToBaseRelativePath(Navigation.Uri));
        return $"/login?returnUrl={returnUrl}{(expired ? "&expired=true" : "")}";
    }

    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
