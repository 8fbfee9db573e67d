using Discogsography.ServiceModel;
using FluentValidation;

namespace Discogsography.ServiceInterface.Validators;

/// <summary>The reference's <c>SnapshotRequest</c> validator: an empty node list is a <c>value_error</c> on <c>nodes</c>.</summary>
public sealed class CreateSnapshotValidator : AbstractValidator<CreateSnapshot>
{
    public CreateSnapshotValidator() =>
        RuleFor(r => r.Nodes).NotEmpty().WithMessage("nodes must not be empty");
}
