using System.Diagnostics;
using Discogsography.ServiceInterface.Storage;
using StackExchange.Redis;

namespace Discogsography.Tests.Infrastructure;

/// <summary>
/// A redis-server this test owns (binary from <c>REDIS_SERVER_BIN</c>, set by scripts/services.sh), on a free port,
/// that it can stop and start again on the same port to prove reconnection.
/// </summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    private Process? process;

    private RedisServerProcess(int port, string password)
    {
        Port = port;
        Password = password;
    }

    public int Port { get; }

    public string Password { get; }

    /// <summary>The URL the service would be configured with.</summary>
    public string Url => $"redis://:{Password}@127.0.0.1:{Port}/0";

    public static async Task<RedisServerProcess> StartAsync()
    {
        var server = new RedisServerProcess(Ports.Free(), Guid.NewGuid().ToString("N"));
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server (again) on the same port, and waits until it answers PING.</summary>
    public async Task StartAgainAsync()
    {
        var binary = Environment.GetEnvironmentVariable("REDIS_SERVER_BIN") is { Length: > 0 } bin ? bin : "redis-server";
        process = Process.Start(new ProcessStartInfo(binary,
            ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
             "--requirepass", Password, "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        var options = RedisConfiguration.Parse(Url);
        options.AbortOnConnectFail = true;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var client = await ConnectionMultiplexer.ConnectAsync(options);
                await client.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (attempt < 100)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>The URL of an ACL user (created with <see cref="SetUserAsync"/>).</summary>
    public string UrlFor(string user, string password) => $"redis://{user}:{password}@127.0.0.1:{Port}/0";

    /// <summary><c>ACL SETUSER user rules...</c> as the default user: what a user may run and on which keys.</summary>
    public async Task SetUserAsync(string user, params string[] rules)
    {
        var options = RedisConfiguration.Parse(Url);
        options.AllowAdmin = true;
        await using var admin = await ConnectionMultiplexer.ConnectAsync(options);
        await admin.GetDatabase().ExecuteAsync("ACL", ["SETUSER", user, .. rules]);
    }

    /// <summary>Kills the server and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (process is null)
            return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
