using NewsletterPress.Shared;

namespace NewsletterPress.Text;

/// <summary>Serif = mincho + Latin serif (running text); Sans = gothic + Latin sans (headings, furniture).</summary>
public enum FaceFamily { Serif, Sans }

/// <summary>How a run of text looks. <see cref="Tracking"/> is extra space after each character, in em.</summary>
/// <param name="Proportional">Set kana and kanji with their proportional widths (OpenType 'palt'), as
/// Japanese headings often are; punctuation keeps its full width so the JLREQ spacing still applies.</param>
public sealed record TextStyle(FaceFamily Family, double Size, bool Bold = false, bool Italic = false,
    Ink? Ink = null, double Tracking = 0, bool Superscript = false, bool Proportional = false)
{
    public Ink Colour => Ink ?? Shared.Ink.Black;
}

/// <summary>A piece of a paragraph to set: text in one style, with an optional link and language.</summary>
public sealed record TextRun(string Text, TextStyle Style, string? Link = null, string? Lang = null);
