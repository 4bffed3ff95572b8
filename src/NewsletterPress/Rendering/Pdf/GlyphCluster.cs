using System.Collections.Immutable;
using NewsletterPress.Display;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// A cluster of a glyph run: the glyph carrying the source text plus the glyphs after it
/// whose Text is empty. ToUnicode and ActualText are decided per cluster.
/// </summary>
internal readonly record struct GlyphCluster(int Start, int Count, string Text)
{
    public static IEnumerable<GlyphCluster> Split(ImmutableArray<PlacedGlyph> glyphs)
    {
        var start = 0;
        for (var i = 1; i <= glyphs.Length; i++)
        {
            if (i == glyphs.Length || glyphs[i].Text.Length > 0)
            {
                if (i > start)
                    yield return new GlyphCluster(start, i - start, glyphs[start].Text);
                start = i;
            }
        }
    }
}
