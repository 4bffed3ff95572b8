using System.Collections.Immutable;
using NewsletterPress.Shared;

namespace NewsletterPress.Text;

/// <summary>How the glyphs of one shaped run look, shared by all of them.</summary>
public sealed record GlyphStyle(FontFace Font, double Size, Ink Ink, string? Link);

/// <summary>One glyph of a set line; <see cref="X"/> is from the line's start. A value, and what its run shares (font,
/// size, ink, link) is one shared <see cref="GlyphStyle"/>: every glyph of the issue stays in memory from collection until
/// the PDF is written (the planner places the whole issue), and as an object of its own holding all of that a glyph took
/// 96 bytes, most of a build's memory.</summary>
public readonly record struct SetGlyph(GlyphStyle Style, uint GlyphId, double X, double Y, double Advance, string Text)
{
    public FontFace Font => Style.Font;
    public double Size => Style.Size;
    public Ink Ink => Style.Ink;
    public string? Link => Style.Link;
}

/// <summary>A line as the paragraph setter made it: glyphs placed from x = 0.</summary>
/// <param name="Width">The measure the line was set to.</param>
/// <param name="NaturalWidth">How wide the line is (equal to Width when justified).</param>
/// <param name="Justified">False for a paragraph's last line and lines before a forced break.</param>
/// <param name="Overfull">True when an unbreakable piece wider than the measure had to be cut.</param>
public sealed record TextLine(ImmutableArray<SetGlyph> Glyphs, double Width, double NaturalWidth, bool Justified, bool Overfull)
{
    /// <summary>The line ends at a discretionary hyphen: a hyphen glyph is drawn (with empty Text) and the
    /// word goes on on the next line.</summary>
    public bool Hyphenated { get; init; }

    /// <summary>How far the word and Japanese–Latin spaces were stretched to justify the line: 0 at their natural width,
    /// 1 at the most typography.md allows (150 %), more on a loose line; negative when they shrank (−1 at 67 %).</summary>
    public double SpaceRatio { get; init; }

    /// <summary>How far the characters of a Japanese line were spread, JLREQ's last resort (3.8.3): 0 when they were not,
    /// 1 at the most the first pass allows (⅛ em between characters), infinity when nothing else could stretch and the
    /// clusters were spread evenly.</summary>
    public double InterCharacterRatio { get; init; }

    /// <summary>How far the letters of a Latin line were spaced, the emergency measure: 0 when they were not (infinity
    /// when the clusters were spread evenly).</summary>
    public double LetterRatio { get; init; }

    /// <summary>The line needed more than its spaces can give: its letters or characters were spread.</summary>
    public bool LetterSpaced => InterCharacterRatio > 0 || LetterRatio > 0;

    /// <summary>What the line says: its glyphs' text without the soft hyphen of a discretionary break.</summary>
    public string Text => string.Concat(Glyphs.Select(g => g.Text)).Replace("\u00AD", "", StringComparison.Ordinal);
}

/// <summary>Thrown when no configured face has a character; the layout adds the source position.</summary>
public sealed class MissingGlyphException(int codepoint, string context)
    : Exception($"no configured font has the character U+{codepoint:X4} '{char.ConvertFromUtf32(codepoint)}' (in \"{context}\"); " +
        "add a font that has it to style.fonts or replace the character")
{
    public int Codepoint { get; } = codepoint;
}
