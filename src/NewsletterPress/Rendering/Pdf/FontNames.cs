using NewsletterPress.Shared;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>The PostScript name the writer gives a font in /BaseFont (after the subset tag), so that a
/// report read from the PDF can name the font file behind it.</summary>
public static class FontNames
{
    public static string PostScriptName(FontRef font)
    {
        using var program = FontProgram.Open(font);
        return CompositeFontEmbedder.PostScriptName(program);
    }
}
