namespace Discogsography.ServiceInterface.Catalogue.Sample;

/// <summary>Deterministic, pronounceable names: the same id always gets the same name.</summary>
internal sealed class SyntheticNames(int seed)
{
    // Syllables are onset × vowel × coda (about 1,900), so names have the trigram variety of real names: fuzzy
    // search and prefix lists cost what they would on the real catalogue, not the worst case of a tiny alphabet.
    private static readonly string[] Onsets = ["b", "br", "c", "ch", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l", "m", "n", "p",
        "pr", "r", "s", "st", "t", "tr", "v"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou"];
    private static readonly string[] Codas = ["", "n", "r", "l", "s", "x", "m", "ck", "nd", "st"];
    private static readonly string[] Syllables = [.. Onsets.SelectMany(o => Vowels.SelectMany(v => Codas.Select(c => o + v + c)))];

    /// <summary>
    /// Words real titles share, most common first: one title word in twelve is drawn from them Zipf-distributed, so a
    /// generated catalogue has common words (the first is in about 3% of titles) and rare ones, as search meets them.
    /// </summary>
    private static readonly string[] TitleWords =
    [
        "Love", "Night", "Live", "Dance", "Dream", "Time", "World", "Life", "Heart", "Soul", "Blue", "Fire", "Light", "Remix", "Sound",
            "Music",
        "Summer", "Baby", "Home", "Girl", "City", "Rain", "Star", "Moon", "Road", "Back", "Christmas", "Greatest", "Hits", "Collection",
        "Best",
        "Songs", "Session", "Sessions", "Volume", "Edition", "Anthem", "Rhythm", "Groove", "Story", "Tears", "Kiss", "Angel", "Paradise",
        "Freedom",
        "Forever", "Tonight", "Morning", "Midnight", "River", "Ocean", "Island", "Garden", "Mountain", "Winter", "Spring", "Autumn",
        "Golden",
        "Silver", "Black", "White", "Red", "Green", "Wild", "Crazy", "Lonely", "Happy", "Sweet", "Little", "Young", "Electric", "Magic",
        "Secret",
        "Shadow", "Silence", "Thunder", "Storm", "Wind", "Echo", "Memory", "Memories", "Journey", "Horizon", "Future", "Paradox", "Mirror",
        "Circle", "Machine", "Signal", "Station", "Highway", "Train", "Boogie", "Shuffle", "Waltz", "Lullaby", "Serenade", "Overture",
        "Suite",
        "Sonata", "Concerto", "Symphony", "Requiem", "Fantasia", "Rhapsody", "Nocturne", "Prelude", "Variations", "Classics", "Essentials",
        "Anthology", "Chronicles", "Legends", "Origins", "Reflections", "Revolution", "Galaxy", "Universe", "Cosmos", "Voyage",
    ];

    private static readonly double[] TitleWordOdds = ZipfSampler.Cumulative(TitleWords.Length, 1.0);

    /// <summary>
    /// The most connected artists and labels (the lowest ids) carry names the README, the samples and the OpenAPI
    /// examples use, so they work on a generated catalogue as on the real one (where artist 1 is The Persuader and
    /// label 1 Planet E).
    /// </summary>
    private static readonly string[] DemoArtists = ["The Persuader", "Miles Davis", "John Coltrane"];

    private static readonly string[] DemoLabels = ["Planet E", "Blue Note"];

    public string Artist(int id) => id <= DemoArtists.Length
        ? DemoArtists[id - 1]
        : Capitalized(Word(id * 7919 + seed, 2)) + (id % 3 == 0 ? " " + Capitalized(Word(id * 104729 + seed, 2)) : "");

    public string Label(int id) => id <= DemoLabels.Length
        ? DemoLabels[id - 1]
        : Capitalized(Word(id * 15485863 + seed, 2)) + (id % 2 == 0 ? " Records" : " Recordings");

    public string Person(Random random) => Capitalized(Word(random.Next(), 2)) + " " + Capitalized(Word(random.Next(), 3));

    public string Title(Random random) => string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => TitleWord(random)));

    private static string TitleWord(Random random) =>
        random.Next(12) == 0 ? TitleWords[ZipfSampler.Draw(TitleWordOdds, random)] : Capitalized(Word(random.Next(), random.Next(1, 3)));

    private static string Word(int value, int syllables)
    {
        var hash = (uint)value;
        var word = new System.Text.StringBuilder();
        for (var i = 0; i < syllables; i++)
        {
            hash = hash * 2654435761u + 40503u;
            word.Append(Syllables[hash % (uint)Syllables.Length]);
        }
        return word.ToString();
    }

    private static string Capitalized(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}

/// <summary>Draws 0..n-1 with probability proportional to 1/(i+1)^s (inverse CDF by binary search).</summary>
internal sealed class ZipfSampler
{
    private readonly double[] cumulative;
    private readonly Random random;

    public ZipfSampler(int n, double exponent, Random random)
    {
        this.random = random;
        cumulative = Cumulative(n, exponent);
    }

    public int Next() => Draw(cumulative, random);

    /// <summary>The running sums of 1/(i+1)^s for i in 0..n-1.</summary>
    public static double[] Cumulative(int n, double exponent)
    {
        var cumulative = new double[n];
        var sum = 0.0;
        for (var i = 0; i < n; i++)
            cumulative[i] = sum += 1 / Math.Pow(i + 1, exponent);
        return cumulative;
    }

    /// <summary>An index drawn with the odds <paramref name="cumulative"/> describes.</summary>
    public static int Draw(double[] cumulative, Random random)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return index >= 0 ? index : ~index;
    }
}

/// <summary>The parts of a record the graph does not use but a real dump carries (the parser must skip them).</summary>
internal static class Filler
{
    private static readonly string[] Words = ["the", "record", "pressed", "side", "vinyl", "mix", "original", "remastered", "limited",
        "edition", "studio", "live", "track", "sleeve", "label"];

    private static readonly string[] Sites = ["https://www.facebook.com/", "https://soundcloud.com/", "https://en.wikipedia.org/wiki/",
        "https://twitter.com/", "https://www.instagram.com/", "https://bandcamp.com/"];

    public static string Sentence(Random random, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));

    public static void Images(System.Xml.XmlWriter w, Random random, int count)
    {
        w.WriteStartElement("images");
        for (var i = count; i > 0; i--)
        {
            w.WriteStartElement("image");
            w.WriteAttributeString("type", i == 1 ? "primary" : "secondary");
            w.WriteAttributeString("uri", "");
            w.WriteAttributeString("uri150", "");
            w.WriteAttributeString("width", "600");
            w.WriteAttributeString("height", "600");
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    /// <summary>Links to the entity's pages elsewhere: <c>&lt;urls&gt;</c>.</summary>
    public static void Urls(System.Xml.XmlWriter w, Random random, string name, int count)
    {
        var slug = name.Replace(' ', '_');
        w.WriteStartElement("urls");
        for (var i = count; i > 0; i--)
            w.WriteElementString("url", Sites[random.Next(Sites.Length)] + slug);
        w.WriteEndElement();
    }

    /// <summary>Another record named by id, <c>&lt;element id="…"&gt;Name&lt;/element&gt;</c> (aliases, groups, parent and sub-labels).</summary>
    public static void Reference(System.Xml.XmlWriter w, string element, int id, string name)
    {
        w.WriteStartElement(element);
        w.WriteAttributeString("id", SampleGenerator.Text(id));
        w.WriteString(name);
        w.WriteEndElement();
    }

    /// <summary>One credited <c>&lt;artist&gt;</c> of a release or master.</summary>
    public static void Credit(System.Xml.XmlWriter w, SyntheticNames names, int artist, string role, string tracks = "")
    {
        w.WriteStartElement("artist");
        w.WriteElementString("id", SampleGenerator.Text(artist));
        w.WriteElementString("name", names.Artist(artist));
        w.WriteElementString("anv", "");
        w.WriteElementString("join", "");
        w.WriteElementString("role", role);
        w.WriteElementString("tracks", tracks);
        w.WriteEndElement();
    }

    public static void Identifiers(System.Xml.XmlWriter w, Random random, Action extra)
    {
        w.WriteStartElement("identifiers");
        extra();
        for (var i = random.Next(0, 4); i > 0; i--)
        {
            w.WriteStartElement("identifier");
            w.WriteAttributeString("type", "Matrix / Runout");
            w.WriteAttributeString("description", $"Side {(char)('A' + i)} Runout");
            w.WriteAttributeString("value", $"MX {random.Next(100000):00000} {(char)('A' + i)}1");
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    public static void Videos(System.Xml.XmlWriter w, Random random, Action more)
    {
        if (random.Next(2) == 0)
            return;
        w.WriteStartElement("videos");
        for (var i = random.Next(1, 4); i > 0; i--)
            Video(w, random, titleWords: 5, descriptionWords: 25);
        more();
        w.WriteEndElement();
    }

    /// <summary>One <c>&lt;video&gt;</c>: a YouTube link, a length, a title and a description.</summary>
    public static void Video(System.Xml.XmlWriter w, Random random, int titleWords, int descriptionWords)
    {
        w.WriteStartElement("video");
        w.WriteAttributeString("src", $"https://www.youtube.com/watch?v={random.Next():x8}");
        w.WriteAttributeString("duration", SampleGenerator.Text(random.Next(120, 600)));
        w.WriteAttributeString("embed", "true");
        w.WriteElementString("title", Sentence(random, titleWords));
        w.WriteElementString("description", Sentence(random, descriptionWords));
        w.WriteEndElement();
    }

    public static void Tracklist(System.Xml.XmlWriter w, Random random, Action<int> subTracks)
    {
        w.WriteStartElement("tracklist");
        for (var i = 1; i <= random.Next(4, 13); i++)
        {
            w.WriteStartElement("track");
            w.WriteElementString("position", $"A{i}");
            w.WriteElementString("title", Sentence(random, random.Next(1, 5)));
            w.WriteElementString("duration", $"{random.Next(2, 9)}:{random.Next(60):00}");
            subTracks(i);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }
}
