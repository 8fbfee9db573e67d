namespace Discogsography.Host.Commands;

/// <summary>A usage error, reported the way Python's argparse reports it (usage, then <c>prog: error: msg</c>, exit 2).</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>
/// The reference's <c>discogs-setup</c> arguments, parsed with argparse's rules (REFERENCE-API.md §6.3): long options
/// as <c>--name value</c> or <c>--name=value</c>, unique prefixes accepted, <c>-h/--help</c>, and the four checks
/// in the reference's order.
/// </summary>
internal sealed record DiscogsSetupArguments(string? ConsumerKey, string? ConsumerSecret, bool Show, bool Help)
{
    public const string Usage =
        "usage: discogs-setup [-h] [--consumer-key CONSUMER_KEY]\n" +
        "                     [--consumer-secret CONSUMER_SECRET] [--show]";

    public const string HelpText = Usage + """


        Configure Discogs app credentials in the database.

        options:
          -h, --help            show this help message and exit
          --consumer-key CONSUMER_KEY
                                Discogs app consumer key
          --consumer-secret CONSUMER_SECRET
                                Discogs app consumer secret
          --show                Show the current credentials (masked)

        Reads DB connection from environment variables: POSTGRES_HOST, POSTGRES_USERNAME, POSTGRES_PASSWORD, POSTGRES_DATABASE
        """;

    private static readonly string[] Options = ["--consumer-key", "--consumer-secret", "--show", "--help"];

    /// <summary>Parses and checks the arguments; throws <see cref="UsageException"/> with argparse's message.</summary>
    public static DiscogsSetupArguments Parse(IReadOnlyList<string> args)
    {
        string? key = null, secret = null;
        bool show = false, help = false;
        var unrecognized = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            switch (name)
            {
                case "-h" or "--help": help = true; break;
                case "--show" when inlineValue is null: show = true; break;
                case "--show": throw new UsageException("argument --show: ignored explicit argument '" + inlineValue + "'");
                case "--consumer-key": key = ValueOf(name, inlineValue, args, ref i); break;
                case "--consumer-secret": secret = ValueOf(name, inlineValue, args, ref i); break;
                default: unrecognized.Add(args[i]); break;
            }
        }
        if (help)
            return new DiscogsSetupArguments(key, secret, show, Help: true);
        if (unrecognized.Count > 0)
            throw new UsageException("unrecognized arguments: " + string.Join(' ', unrecognized));
        return Check(new DiscogsSetupArguments(key, secret, show, Help: false));
    }

    private static DiscogsSetupArguments Check(DiscogsSetupArguments a)
    {
        if (!a.Show && string.IsNullOrEmpty(a.ConsumerKey))
            throw new UsageException("one of --show or --consumer-key/--consumer-secret is required");
        if (a.Show && (!string.IsNullOrEmpty(a.ConsumerKey) || !string.IsNullOrEmpty(a.ConsumerSecret)))
            throw new UsageException("--show cannot be combined with --consumer-key/--consumer-secret");
        if (!string.IsNullOrEmpty(a.ConsumerKey) && string.IsNullOrEmpty(a.ConsumerSecret))
            throw new UsageException("--consumer-secret is required when using --consumer-key");
        if (!string.IsNullOrEmpty(a.ConsumerSecret) && string.IsNullOrEmpty(a.ConsumerKey))
            throw new UsageException("--consumer-key is required when using --consumer-secret");
        return a;
    }

    /// <summary>Splits <c>--name=value</c> and resolves unique prefixes of long options, as argparse's allow_abbrev does.</summary>
    private static (string Name, string? Value) Split(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal))
            return (arg, null);
        var equals = arg.IndexOf('=');
        var name = equals < 0 ? arg : arg[..equals];
        var value = equals < 0 ? null : arg[(equals + 1)..];
        var matches = Options.Where(o => o.StartsWith(name, StringComparison.Ordinal)).ToArray();
        return matches switch
        {
            [var only] => (only, value),
            [] => (arg, null),
            _ when matches.Contains(name) => (name, value),
            _ => throw new UsageException($"ambiguous option: {name} could match {string.Join(", ", matches)}"),
        };
    }

    private static string ValueOf(string name, string? inlineValue, IReadOnlyList<string> args, ref int i)
    {
        if (inlineValue is not null)
            return inlineValue;
        if (i + 1 >= args.Count || (args[i + 1].StartsWith('-') && args[i + 1].Length > 1 && !double.TryParse(args[i + 1], out _)))
            throw new UsageException($"argument {name}: expected one argument");
        return args[++i];
    }
}
