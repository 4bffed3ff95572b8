using System.Collections.Immutable;
using NewsletterPress.Display;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// A cluster of a glyph run: the glyph carrying the source text plus the glyphs after it
/// whose Text is empty. ToUnicode and ActualText are decided per cluster.
/// </summary>
internal readonly record struct GlyphCluster(int Start, int Count, string Text)
{
    /// <summary>The run's clusters, in order, for <c>foreach</c>. A struct enumerator rather than an iterator method:
    /// every run of every page is split twice (once for the fonts' usage, once to paint it), an object each time.</summary>
    public static Clusters Split(ImmutableArray<PlacedGlyph> glyphs) => new(glyphs);

    internal readonly struct Clusters(ImmutableArray<PlacedGlyph> glyphs)
    {
        public Enumerator GetEnumerator() => new(glyphs);
    }

    internal struct Enumerator(ImmutableArray<PlacedGlyph> glyphs)
    {
        private int _next;

        public GlyphCluster Current { get; private set; }

        public bool MoveNext()
        {
            int start = _next;
            if (start >= glyphs.Length)
                return false;
            int end = start + 1;
            while (end < glyphs.Length && glyphs[end].Text.Length == 0)
                end++;
            Current = new GlyphCluster(start, end - start, glyphs[start].Text);
            _next = end;
            return true;
        }
    }
}
