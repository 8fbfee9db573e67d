using System.IO.Pipelines;
using System.Net.Sockets;

namespace Discogsography.ServiceInterface.Redis;

/// <summary>
/// One TCP connection to Redis running one command at a time. Any timeout, I/O or protocol failure marks it
/// broken, so the pool never hands out a connection whose reply stream is out of step.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    private readonly Socket socket;
    private readonly NetworkStream stream;
    private readonly PipeReader reader;
    private readonly RedisSettings settings;

    private RedisConnection(Socket socket, RedisSettings settings)
    {
        this.socket = socket;
        this.settings = settings;
        stream = new NetworkStream(socket, ownsSocket: true);
        reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024));
    }

    /// <summary>True once a failure left the connection unusable.</summary>
    public bool IsBroken { get; private set; }

    /// <summary>Opens a connection, authenticates and selects the database.</summary>
    public static async Task<RedisConnection> OpenAsync(RedisSettings settings, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(settings.ConnectTimeout);
            try
            {
                await socket.ConnectAsync(settings.Host, settings.Port, timeout.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                socket.Dispose();
                throw new RedisConnectionException($"Redis at {settings.Endpoint} is unreachable: {Reason(e)}", e);
            }
        }
        var connection = new RedisConnection(socket, settings);
        try
        {
            await connection.HandshakeAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>True unless the peer has closed the socket (a restarted server leaves its old sockets closed).</summary>
    public bool LooksAlive()
    {
        try
        {
            return !IsBroken && socket.Connected && !(socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>Sends one command frame and reads its reply; error replies are returned, not thrown.</summary>
    public async Task<RespValue> ExecuteAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.CommandTimeout);
        try
        {
            await stream.WriteAsync(frame, timeout.Token);
            return await ReadReplyAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            IsBroken = true;
            throw new RedisConnectionException($"Redis at {settings.Endpoint} did not answer within {settings.CommandTimeout.TotalMilliseconds:0} ms");
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            IsBroken = true;
            throw new RedisConnectionException($"Connection to Redis at {settings.Endpoint} failed: {Reason(e)}", e);
        }
        catch
        {
            IsBroken = true;
            throw;
        }
    }

    private async Task<RespValue> ReadReplyAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (RespParser.TryParse(buffer, out var value, out var consumed))
            {
                reader.AdvanceTo(consumed);
                return value!;
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
                throw new IOException("the server closed the connection");
        }
    }

    private async Task HandshakeAsync(CancellationToken cancellationToken)
    {
        if (settings.Password is { } password)
        {
            var frame = settings.User is { } user
                ? RespCommand.Frame(RespCommand.Auth, user, password)
                : RespCommand.Frame(RespCommand.Auth, password);
            await ExpectOkAsync(frame, "AUTH", cancellationToken);
        }
        if (settings.Database != 0)
            await ExpectOkAsync(RespCommand.Frame(RespCommand.Select, settings.Database.ToString(System.Globalization.CultureInfo.InvariantCulture)), "SELECT", cancellationToken);
    }

    private async Task ExpectOkAsync(byte[] frame, string command, CancellationToken cancellationToken)
    {
        var reply = await ExecuteAsync(frame, cancellationToken);
        if (reply.Type == RespType.Error)
            throw new RedisConnectionException($"Redis at {settings.Endpoint} refused {command}: {reply.Text}");
    }

    private static string Reason(Exception e) => e switch
    {
        OperationCanceledException => "connection timed out",
        SocketException s => s.SocketErrorCode.ToString(),
        _ => e.Message,
    };

    public async ValueTask DisposeAsync()
    {
        IsBroken = true;
        await reader.CompleteAsync();
        await stream.DisposeAsync();
    }
}
