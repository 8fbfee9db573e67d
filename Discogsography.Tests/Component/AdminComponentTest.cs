using Bunit;
using Discogsography.Admin;
using Discogsography.Admin.Services;
using Discogsography.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace Discogsography.Tests.Component;

/// <summary>A session store in memory, as the browser tab would keep it.</summary>
public sealed class FakeSessionStore : IAdminSessionStore
{
    public StoredAdminSession? Stored { get; set; }

    public Task<StoredAdminSession?> LoadAsync() => Task.FromResult(Stored);

    public Task SaveAsync(StoredAdminSession session)
    {
        Stored = session;
        return Task.CompletedTask;
    }

    public Task ClearAsync()
    {
        Stored = null;
        return Task.CompletedTask;
    }
}

/// <summary>
/// Base of the Admin's component tests (bUnit, with the shim of docs/decisions/0007): a fake API, a signed-in
/// administrator in the session store, Radzen, and live refreshes every 50 ms.
/// </summary>
public abstract class AdminComponentTest
{
    protected BunitContext Context { get; private set; } = null!;

    protected FakeApiClient Api { get; private set; } = null!;

    protected FakeSessionStore Store { get; private set; } = null!;

    protected NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    [SetUp]
    public void CreateContext()
    {
        Context = new BunitContext();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Api = new FakeApiClient();
        Store = new FakeSessionStore { Stored = new StoredAdminSession("admin@example.com", "admin-token", DateTimeOffset.UtcNow.AddMinutes(30)) };
        Context.Services.AddSingleton<IApiClient>(Api);
        Context.Services.AddSingleton<IAdminSessionStore>(Store);
        Context.Services.AddSingleton(TimeProvider.System);
        Context.Services.AddScoped<AdminSession>();
        Context.Services.AddSingleton(new AdminSettings { ApiBaseUrl = new Uri("http://api.test:8004"), LiveRefreshInterval = TimeSpan.FromMilliseconds(50) });
        Context.Services.AddRadzenComponents();
    }

    [TearDown]
    public void DisposeContext() => Context.Dispose();
}
