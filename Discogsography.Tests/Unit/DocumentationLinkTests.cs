using System.Text.RegularExpressions;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Unit;

/// <summary>The repository's Markdown is self-contained: every relative link resolves to a file or folder inside it.</summary>
public sealed partial class DocumentationLinkTests
{
    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", ".services", "TestResults", ".git"];

    [Test]
    public void Every_relative_link_in_the_markdown_resolves_inside_the_repository()
    {
        var root = Path.GetFullPath(RepositoryPaths.Root);
        var broken = new List<string>();
        var files = MarkdownFiles(root).ToList();
        foreach (var file in files)
        {
            foreach (Match link in Link().Matches(File.ReadAllText(file)))
            {
                var target = link.Groups["target"].Value.Split('#')[0];
                if (target.Length == 0 || Uri.IsWellFormedUriString(target, UriKind.Absolute))
                    continue;
                var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(target)));
                if (!resolved.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    || !(File.Exists(resolved) || Directory.Exists(resolved)))
                    broken.Add($"{Path.GetRelativePath(root, file)}: {link.Value}");
            }
        }

        Assert.That(files, Has.Count.GreaterThan(5), "the README, docs/ and the decision records");
        Assert.That(broken, Is.Empty);
    }

    private static IEnumerable<string> MarkdownFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.md").Concat(Directory.EnumerateDirectories(folder)
            .Where(d => !SkippedFolders.Contains(Path.GetFileName(d)))
            .SelectMany(MarkdownFiles));

    /// <summary>An inline Markdown link or image: <c>[text](target)</c>, the target up to a space or the closing parenthesis.</summary>
    [GeneratedRegex(@"!?\[[^\]]*\]\((?<target>[^)\s]+)[^)]*\)")]
    private static partial Regex Link();
}
