using System.Collections.Immutable;

namespace NewsletterPress.Text;

/// <summary>A shaped glyph inside a cluster, in points relative to the cluster's origin.</summary>
internal readonly record struct ClusterGlyph(uint GlyphId, double X, double Y, double Advance);

/// <summary>
/// The smallest unit the line breaker moves: the glyphs HarfBuzz made for one grapheme
/// cluster (or ligature), with the source text they stand for.
/// </summary>
/// <param name="Style">The run's face, size, ink and link, one object for all of the run's clusters (and glyphs).</param>
internal sealed record Cluster(int Start, int End, string Text, GlyphStyle Style, TextRun Run,
    ImmutableArray<ClusterGlyph> Glyphs, double Advance)
{
    public FontFace Font => Style.Font;
    public double Size => Style.Size;

    public int FirstCodepoint => char.ConvertToUtf32(Text, 0);
    public int LastCodepoint => char.IsLowSurrogate(Text[^1]) && Text.Length > 1
        ? char.ConvertToUtf32(Text[^2], Text[^1]) : Text[^1];
    public bool IsSpace => Text == " " || Text == "\u00A0";
}
