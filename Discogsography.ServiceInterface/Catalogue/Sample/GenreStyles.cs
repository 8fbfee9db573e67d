namespace Discogsography.ServiceInterface.Catalogue.Sample;

/// <summary>
/// The genres and styles of a generated dump. As on Discogs, a style belongs to one or two genres ("Deep House" to
/// Electronic, "Nu Disco" to Electronic and Funk / Soul), and a release's styles are drawn from its own genres, so a
/// genre's style list holds only its styles instead of every style.
/// </summary>
internal static class GenreStyles
{
    public static readonly string[] Genres =
    [
        "Electronic", "Rock", "Pop", "Jazz", "Hip Hop", "Funk / Soul", "Classical", "Folk, World, & Country", "Latin", "Reggae",
        "Stage & Screen", "Blues", "Non-Music", "Children's", "Brass & Military",
    ];

    private static readonly string[] Prefixes =
    [
        "Deep", "Acid", "Minimal", "Progressive", "Tech", "Dub", "Nu", "Dark", "Ambient", "Hard", "Soft", "Free", "Neo", "Post", "Garage",
    ];

    /// <summary>A style is a prefix and a root; the root says which genres it belongs to (indexes into <see cref="Genres"/>).</summary>
    private static readonly (string Root, int[] Genres)[] Roots =
    [
        ("House", [0]), ("Techno", [0]), ("Jazz", [3]), ("Rock", [1]), ("Soul", [5]), ("Wave", [0, 1]), ("Disco", [0, 5]),
        ("Funk", [5]), ("Trance", [0]), ("Pop", [2]), ("Core", [0, 1]), ("Step", [0]), ("Beat", [0, 4]), ("Folk", [7]),
        ("Punk", [1]), ("Hop", [4]), ("Dance", [0, 2]), ("Noise", [0, 1]), ("Drone", [0]), ("Blues", [11]), ("Baroque", [6]),
        ("Salsa", [8]), ("Roots", [9]), ("Score", [10]), ("Spoken", [12]), ("Nursery", [13]), ("March", [14]),
    ];

    /// <summary>Each genre's styles, by style index (the most drawn first).</summary>
    private static readonly int[][] StylesByGenre = [.. Genres.Select((_, genre) => Enumerable.Range(0, StyleCount)
        .Where(style => Roots[style / Prefixes.Length].Genres.Contains(genre)).ToArray())];

    public static int StyleCount => Prefixes.Length * Roots.Length;

    public static string Style(int index) => Prefixes[index % Prefixes.Length] + " " + Roots[index / Prefixes.Length].Root;

    /// <summary>
    /// The style a draw over all styles stands for in one of the release's genres: the draw keeps its skew (low draws
    /// stay low in the genre's list), and each draw is still one draw, so the rest of the random stream is unchanged.
    /// </summary>
    public static int StyleOf(int genre, int draw)
    {
        var styles = StylesByGenre[genre];
        return styles[draw % styles.Length];
    }
}
