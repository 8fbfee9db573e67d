using System.Threading.Channels;

namespace Discogsography.ServiceInterface.Mail;

/// <summary>
/// Mail waiting to be sent by <see cref="MailDispatcher"/>: a request enqueues and answers at once, so how long an SMTP
/// server takes never shows in a response (a reset request for an existing account must not be slower than for an
/// unknown one). Bounded: when the server falls far behind, the oldest waiting mail is dropped, and logged.
/// </summary>
public sealed class MailOutbox
{
    private readonly Channel<OutgoingMail> channel = Channel.CreateBounded<OutgoingMail>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Enqueue(OutgoingMail mail) => channel.Writer.TryWrite(mail);

    public ChannelReader<OutgoingMail> Reader => channel.Reader;
}
