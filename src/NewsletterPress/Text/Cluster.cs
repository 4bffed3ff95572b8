using System.Collections.Immutable;

namespace NewsletterPress.Text;

/// <summary>A shaped glyph inside a cluster, in points relative to the cluster's origin.</summary>
internal readonly record struct ClusterGlyph(uint GlyphId, double X, double Y, double Advance);

/// <summary>
/// The smallest unit the line breaker moves: the glyphs HarfBuzz made for one grapheme
/// cluster (or ligature), with the source text they stand for.
/// </summary>
internal sealed record Cluster(int Start, int End, string Text, FontFace Font, TextRun Run, double Size,
    ImmutableArray<ClusterGlyph> Glyphs, double Advance)
{
    public int FirstCodepoint => char.ConvertToUtf32(Text, 0);
    public int LastCodepoint => char.IsLowSurrogate(Text[^1]) && Text.Length > 1
        ? char.ConvertToUtf32(Text[^2], Text[^1]) : Text[^1];
    public bool IsSpace => Text == " " || Text == "\u00A0";
}
