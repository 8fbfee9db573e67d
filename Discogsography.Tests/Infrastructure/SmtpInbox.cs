using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Discogsography.Tests.Infrastructure;

/// <summary>A real SMTP server on a free loopback port (SmtpServer), keeping every message it receives.</summary>
public sealed class SmtpInbox : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer server;
    private readonly CancellationTokenSource stopping = new();
    private readonly Store store;

    private SmtpInbox(SmtpServer.SmtpServer server, Store store, int port)
    {
        this.server = server;
        this.store = store;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Everything received so far.</summary>
    public IReadOnlyList<MimeMessage> Messages => store.Messages.ToArray();

    public static SmtpInbox Start()
    {
        var port = Ports.Free();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var store = new Store();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        var inbox = new SmtpInbox(new SmtpServer.SmtpServer(options, services), store, port);
        _ = inbox.server.StartAsync(inbox.stopping.Token);
        return inbox;
    }

    /// <summary>The first message to <paramref name="address"/>, waiting up to ten seconds for it.</summary>
    public async Task<MimeMessage> WaitForAsync(string address)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (Messages.FirstOrDefault(m => m.To.Mailboxes.Any(b => b.Address == address)) is { } message)
                return message;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No message to {address} arrived within 10 s");
    }

    public void Clear() => store.Messages.Clear();

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        server.Shutdown();
        stopping.Dispose();
    }

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
