using System.Globalization;

namespace Discogsography.ServiceInterface.Configuration;

/// <summary>
/// Reads variables the way the reference's <c>common/config.py</c> does: empty values count as missing, and a
/// secret <c>VAR</c> is read from the file named by <c>VAR_FILE</c> (whitespace-stripped) when that is set.
/// </summary>
public sealed class EnvironmentReader(Func<string, string?> getVariable)
{
    /// <summary>A reader over the process environment.</summary>
    public static EnvironmentReader FromProcess() => new(Environment.GetEnvironmentVariable);

    /// <summary>A plain variable, or null when unset or empty.</summary>
    public string? Plain(string name) => getVariable(name) is { Length: > 0 } value ? value : null;

    /// <summary>A secret: the contents of <c>NAME_FILE</c> when set, else <c>NAME</c>; null when empty.</summary>
    public string? Secret(string name)
    {
        if (Plain(name + "_FILE") is not { } path)
            return Plain(name);
        try
        {
            return File.ReadAllText(path).Trim() is { Length: > 0 } value ? value : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SettingsException($"Cannot read secret file for {name}: '{path}'");
        }
    }

    /// <summary>An integer that silently falls back to <paramref name="fallback"/> when unset or not an integer (the
    /// reference's rule).</summary>
    public int LenientInt(string name, int fallback) =>
        int.TryParse(Plain(name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    /// <summary>A TCP port; an invalid value stops startup rather than binding somewhere unexpected.</summary>
    public int Port(string name, int fallback)
    {
        if (Plain(name) is not { } text)
            return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 0 and <= 65535
            ? port
            : throw new SettingsException($"{name} must be a port number between 0 and 65535, got '{text}'");
    }

    /// <summary>A boolean (<c>true/false/1/0/yes/no</c>); an invalid value stops startup.</summary>
    public bool Flag(string name, bool fallback) => Plain(name)?.Trim().ToLowerInvariant() switch
    {
        null => fallback,
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        var other => throw new SettingsException($"{name} must be true or false, got '{other}'"),
    };
}
