using Discogsography.ServiceModel;
using FluentValidation;

namespace Discogsography.ServiceInterface.Validators;

/// <summary>The job list filters on a known status.</summary>
public sealed class QueryAdminSyncsValidator : AbstractValidator<QueryAdminSyncs>
{
    public static readonly string[] Statuses = [JobStatuses.Pending, JobStatuses.Running, JobStatuses.Completed, JobStatuses.Failed,
        JobStatuses.Cancelled];

    public QueryAdminSyncsValidator() =>
        RuleFor(r => r.Status).Must(s => s is null
            || Statuses.Contains(s)).WithMessage($"status must be one of {string.Join(", ", Statuses)}");
}

/// <summary>The audit log's time range runs forwards.</summary>
public sealed class QueryAuditLogValidator : AbstractValidator<QueryAuditLog>
{
    public QueryAuditLogValidator() =>
        RuleFor(r => r.To).Must((request, to) => request.From is null || to is null
            || to > request.From).WithMessage("to must be after from");
}

/// <summary>An update changes something.</summary>
public sealed class UpdateAdminUserValidator : AbstractValidator<UpdateAdminUser>
{
    public UpdateAdminUserValidator() =>
        RuleFor(r => r.IsActive).Must((request, active) => active is not null
            || request.IsAdmin is not null).WithMessage("give is_active, is_admin or both");
}
