using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceModel;
using FluentValidation;

namespace Discogsography.Tests.Integration.Pipeline;

/// <summary>Answers the probe DTOs by echoing what was bound, or failing the way the test asks.</summary>
public sealed class PipelineProbeServices(TimeProvider time, Npgsql.NpgsqlDataSource database) : Service
{
    public ProbeResponse Get(GetProbe request) => new()
    {
        Echo = $"{request.ItemId}|{request.Q}|{request.Verbose}|{request.Color}|{string.Join('+', request.Tags)}",
        Limit = request.Limit,
        Offset = request.Offset,
        At = time.GetUtcNow(),
    };

    public Task<ProbeResponse> Post(CreateProbe request) => Task.FromResult(new ProbeResponse
    {
        Echo = $"{request.Name}|{request.Count}|{request.Center?.Id}|{string.Join('+', request.Nodes.Select(n => n.Id + ":" + n.Type))}",
        Score = request.Score,
        Details = new Dictionary<string, string> { ["naïve"] = "café ✓" },
    });

    public Task Delete(DeleteProbe request) => Task.CompletedTask;

    public async Task<ProbeResponse> Get(FailProbe request) => request.Kind switch
    {
        "data-error" => await DivideByZeroAsync(),
        "not-found" => throw HttpError.NotFound($"Probe '{request.Kind}' not found"),
        "detail" => throw HttpError.BadRequest("A detail-style error").As(ErrorBodyStyle.Detail),
        "custom" => throw HttpError.WithBody(429, new Dictionary<string, string> { ["status"] = "cooldown", ["message"] = "Wait." },
            "cooldown"),
        "redis-down" => throw new DependencyUnavailableException("Redis", "Redis at 127.0.0.1:1/0 is unreachable: ConnectionRefused"),
        "crash" => throw new InvalidOperationException("secret-internal-state"),
        _ => new ProbeResponse { Echo = request.Kind },
    };

    /// <summary>A value PostgreSQL refuses (SQLSTATE 22012, class 22: data exception).</summary>
    private async Task<ProbeResponse> DivideByZeroAsync()
    {
        await using var command = database.CreateCommand("SELECT 1 / 0");
        await command.ExecuteScalarAsync(Aborted);
        return new ProbeResponse { Echo = "unreachable" };
    }

    public ProbeResponse Get(GetSecureProbe request) => new() { Echo = "secure", Caller = Caller.Subject };

    public ProbeResponse Get(GetAdminProbe request) => new() { Echo = "admin", Caller = Caller.Subject };

    public ProbeResponse Get(GetOptionalProbe request) => new() { Echo = "optional", Caller = Context.User?.Subject };

    public ProbeResponse Post(LimitedProbe request) => new() { Echo = request.Name };

    public ProbeResponse Post(ValidatedProbe request) => new() { Echo = request.Email };
}

/// <summary>A FluentValidation validator: its failures come back as Pydantic <c>value_error</c>s.</summary>
public sealed class ValidatedProbeValidator : AbstractValidator<ValidatedProbe>
{
    public ValidatedProbeValidator()
    {
        RuleFor(x => x.Email).Must(e => e is not null && e.Contains('@')).WithMessage("Invalid email address");
        RuleFor(x => x.NickName).NotEqual("root").WithMessage("That name is taken");
    }
}
