using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Discogsography.ServiceModel.Types;

namespace Discogsography.Host.Pipeline.Binding;

/// <summary>Checks a bound value against its field's <see cref="Constraints"/>, as Pydantic checks
/// <c>ge</c>/<c>le</c>/<c>min_length</c>.</summary>
internal static class ConstraintChecker
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>Adds an error for each constraint <paramref name="value"/> breaks; <paramref name="input"/> is what the
    /// client sent.</summary>
    public static void Check(Constraints c, object? value, JsonNode? input, FieldLocation loc, List<ValidationErrorItem> errors)
    {
        if (ReferenceEquals(c, Constraints.None))
            return;
        switch (value)
        {
            case string text:
                var before = errors.Count;
                CheckLength(text.EnumerateRunes().Count(), c, input, loc, errors, ValidationErrors.StringTooShort,
                    ValidationErrors.StringTooLong);
                // Pydantic checks the pattern only when the length passed.
                if (errors.Count == before && c.Pattern is { } pattern
                    && !Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, MatchTimeout))
                    errors.Add(ValidationErrors.PatternMismatch(loc, input, pattern));
                break;
            case long or double or int:
                CheckRange(Convert.ToDouble(value, CultureInfo.InvariantCulture), c, input, loc, errors);
                break;
            case ICollection items:
                CheckListLength(items.Count, c, input, loc, errors);
                break;
        }
    }

    private static void CheckRange(double number, Constraints c, JsonNode? input, FieldLocation loc, List<ValidationErrorItem> errors)
    {
        if (c.Minimum is { } min && number < min)
            errors.Add(ValidationErrors.GreaterThanEqual(loc, input, min));
        else if (c.Maximum is { } max && number > max)
            errors.Add(ValidationErrors.LessThanEqual(loc, input, max));
    }

    private static void CheckLength(
        int length, Constraints c, JsonNode? input, FieldLocation loc, List<ValidationErrorItem> errors,
        Func<FieldLocation, JsonNode?, int, ValidationErrorItem> tooShort, Func<FieldLocation, JsonNode?, int, ValidationErrorItem> tooLong)
    {
        if (c.MinLength is { } min && length < min)
            errors.Add(tooShort(loc, input, min));
        else if (c.MaxLength is { } max && length > max)
            errors.Add(tooLong(loc, input, max));
    }

    private static void CheckListLength(int count, Constraints c, JsonNode? input, FieldLocation loc, List<ValidationErrorItem> errors)
    {
        if (c.MinLength is { } min && count < min)
            errors.Add(ValidationErrors.TooShort(loc, input, min, count));
        else if (c.MaxLength is { } max && count > max)
            errors.Add(ValidationErrors.TooLong(loc, input, max, count));
    }
}
