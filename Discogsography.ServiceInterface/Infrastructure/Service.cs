namespace Discogsography.ServiceInterface.Infrastructure;

/// <summary>
/// Base class of every service. Public methods named after a verb (<c>Get</c>, <c>Post</c>, <c>Put</c>,
/// <c>Delete</c>, <c>Patch</c> or <c>Any</c>) taking one request DTO are discovered at startup and mapped onto the
/// DTO's route; constructor dependencies come from DI.
/// </summary>
public abstract class Service
{
    /// <summary>The request being answered; set by the pipeline before the method runs.</summary>
    public ServiceContext Context { get; set; } = null!;

    /// <summary>The authenticated caller; only valid on routes that require authentication.</summary>
    protected AuthenticatedUser Caller =>
        Context.User ?? throw new InvalidOperationException("This route is not declared [Authenticate].");

    /// <summary>Cancelled when the client disconnects or the server stops.</summary>
    protected CancellationToken Aborted => Context.CancellationToken;
}
