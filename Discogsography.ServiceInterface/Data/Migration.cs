using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Discogsography.ServiceInterface.Data;

/// <summary>One numbered SQL migration embedded in this assembly (<c>Data/Migrations/NNNN_name.sql</c>).</summary>
/// <param name="Version">The number before the first underscore.</param>
/// <param name="Name">The rest of the file name.</param>
/// <param name="Sql">The script, run in one transaction.</param>
public sealed record Migration(int Version, string Name, string Sql)
{
    private const string ResourcePrefix = "Migrations.";

    /// <summary>SHA-256 of the script (line endings normalized), recorded so an edited, already-applied migration is caught.</summary>
    public string Checksum { get; } =
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    /// <summary>Every embedded migration, in version order.</summary>
    public static IReadOnlyList<Migration> All { get; } = Load(typeof(Migration).Assembly);

    private static Migration[] Load(Assembly assembly)
    {
        var migrations = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Read(assembly, n))
            .OrderBy(m => m.Version)
            .ToArray();
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? migrations
            : throw new InvalidOperationException($"Two migrations share version {duplicate.Key}");
    }

    private static Migration Read(Assembly assembly, string resource)
    {
        var fileName = resource[ResourcePrefix.Length..^".sql".Length];
        var underscore = fileName.IndexOf('_');
        if (underscore <= 0 || !int.TryParse(fileName[..underscore], out var version))
            throw new InvalidOperationException($"Migration '{fileName}' must be named NNNN_name.sql");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new Migration(version, fileName[(underscore + 1)..], reader.ReadToEnd());
    }
}
