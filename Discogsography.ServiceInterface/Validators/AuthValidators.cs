using System.Text.RegularExpressions;
using Discogsography.ServiceModel;
using FluentValidation;

namespace Discogsography.ServiceInterface.Validators;

/// <summary>The reference's <c>RegisterRequest</c> email rule (REFERENCE-API.md §3.5), on the normalized email.</summary>
public sealed partial class RegisterValidator : AbstractValidator<Register>
{
    /// <summary>The users.email column's width.</summary>
    public const int MaxEmailLength = AccountRules.MaxEmailLength;

    public RegisterValidator() =>
        RuleFor(r => r.Email).Must(IsValidEmail).WithMessage("Invalid email address");

    /// <summary>Stripped and lowercased, the email must fully match <c>^[^@\s]+@[^@\s]+\.[^@\s]+$</c> and fit the column.</summary>
    public static bool IsValidEmail(string? email) =>
        email is not null && Normalize(email) is { Length: <= MaxEmailLength } normalized && EmailPattern().IsMatch(normalized);

    /// <summary>The form emails are stored and looked up in.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+\z")]
    private static partial Regex EmailPattern();
}
