using System.Collections.Concurrent;
using System.Collections.Immutable;
using HarfBuzzSharp;

namespace NewsletterPress.Text;

/// <summary>What, besides the text, decides how HarfBuzz shapes a run in one face: the size (and whether it is a
/// superscript, which scales and raises it), the script and language the buffer is given, and 'palt'.</summary>
internal readonly record struct ShapingSetup(double Size, bool Superscript, bool Cjk, bool Proportional, string Language);

/// <summary>One cluster of a shaped word, relative to the word: where its text starts and how long it is, its glyphs (in
/// points, relative to the cluster) and its width before tracking.</summary>
internal readonly record struct ShapedCluster(int Offset, int Length, ImmutableArray<ClusterGlyph> Glyphs, double Width);

/// <summary>
/// The words one face has shaped in one <see cref="ShapingSetup"/>, so that each is shaped once (issue #14: real text
/// repeats its words; shaping was a tenth of a build). A word is keyed by its exact text together with the character on
/// each side of it in its run (or none, at the run's ends), which HarfBuzz shaped with it: kerning between a space and
/// the letter after it (Liberation Serif has such pairs) changes the space's advance, so a space or a word is only the
/// same when its neighbours are. Shared by the threads that set articles ahead: entries are immutable, and the
/// dictionary is safe to read and add to at once (two threads shaping the same new word both store the same glyphs).
/// </summary>
internal sealed class ShapedWords
{
    /// <summary>Longer pieces (a run of Japanese, which has no spaces) are shaped each time and not kept: they seldom
    /// repeat, and keeping them would make the cache grow with the document.</summary>
    public const int MaxLength = 32;

    /// <summary>Words kept per face and setup, at most: enough for the vocabulary of a long issue, and a bound on the
    /// memory of a run that sets many issues (the site command) in one process.</summary>
    private const int MaxWords = 50_000;

    private readonly ConcurrentDictionary<string, ShapedCluster[]> _words = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ShapedCluster[]>.AlternateLookup<ReadOnlySpan<char>> _byKey;
    private int _count;

    public ShapedWords(ShapingSetup setup)
    {
        Language = new Language(setup.Language);
        _byKey = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The HarfBuzz language of the setup, made once.</summary>
    public Language Language { get; }

    /// <param name="key">The word with its neighbours, as <see cref="Key"/> writes it.</param>
    public bool TryGet(ReadOnlySpan<char> key, out ShapedCluster[] clusters) => _byKey.TryGetValue(key, out clusters!);

    public void Add(ReadOnlySpan<char> key, ShapedCluster[] clusters)
    {
        if (Volatile.Read(ref _count) >= MaxWords) return;
        if (_byKey.TryAdd(key, clusters)) Interlocked.Increment(ref _count);
    }

    /// <summary>Writes the key of the word text[<paramref name="start"/>, <paramref name="end"/>) shaped with the text
    /// [<paramref name="from"/>, <paramref name="to"/>) (one character more on each side that has a neighbour in the run):
    /// a first character that says which sides have one, then that text. Returns its length.</summary>
    public static int Key(string text, int from, int start, int end, int to, Span<char> into)
    {
        into[0] = (char)('0' + (from < start ? 1 : 0) + (to > end ? 2 : 0));
        text.AsSpan(from, to - from).CopyTo(into[1..]);
        return 1 + to - from;
    }
}
