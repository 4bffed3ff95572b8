using HarfBuzzSharp;
using NewsletterPress.Shared;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// A font file opened for embedding: the HarfBuzz face (for subsetting and advances) and
/// its descriptor values. Widths are in PDF glyph space (1000 units per em), rounded once
/// here so that the /W array and the TJ positioning use exactly the same numbers.
/// </summary>
internal sealed class FontProgram : IDisposable
{
    private readonly Font _font;
    /// <summary>Per glyph id, its width once asked for (NaN before): an array, as every glyph of every run asks.</summary>
    private double[]? _widths;
    private readonly CffCharset? _charset;

    private FontProgram(FontRef source, Face face, Font font, SfntTables tables, CffCharset? charset)
    {
        _charset = charset;
        Source = source;
        Face = face;
        _font = font;
        Tables = tables;
    }

    public FontRef Source { get; }
    public Face Face { get; }
    public SfntTables Tables { get; }

    /// <summary>Converts font units to PDF glyph space units (1/1000 em).</summary>
    public double Scale(double fontUnits) => fontUnits * 1000.0 / Tables.UnitsPerEm;

    public static FontProgram Open(FontRef source)
    {
        // The bytes come with the display list, opened by the Text stage: the writer never looks a font file up.
        var path = source.FilePath;
        Face? face = null;
        Font? font = null;
        try
        {
            face = new Face(source.Data.Blob, source.FaceIndex);
            if (face.GlyphCount <= 0 || face.UnitsPerEm <= 0)
                throw new PdfWriterException($"Font file '{path}' (face {source.FaceIndex}) is not a font HarfBuzz can read.") { File = path };
            var tables = SfntTables.Read(face);
            switch (tables.Outlines)
            {
                case FontOutlines.TrueType or FontOutlines.NameKeyedCff or FontOutlines.CidKeyedCff:
                    break;
                case FontOutlines.Cff2:
                    throw new PdfWriterException(
                        $"Font file '{path}' has CFF2 (variable) outlines, which the PDF writer cannot embed; use a static TrueType or CFF instance.",
                        new NotSupportedException("CFF2 embedding is not implemented."))
                    { File = path };
                default:
                    throw new PdfWriterException($"Font file '{path}' has neither 'glyf' nor 'CFF ' outlines to embed.") { File = path };
            }
            font = new Font(face);
            // Scale = units per em, so advances come back in font units.
            font.SetScale(face.UnitsPerEm, face.UnitsPerEm);
            var charset = tables.Outlines == FontOutlines.CidKeyedCff
                ? CffCharset.Read(SfntTables.Table(face, "CFF "))
                : null;
            return new FontProgram(source, face, font, tables, charset);
        }
        catch (Exception ex) when (ex is not PdfWriterException)
        {
            font?.Dispose();
            face?.Dispose();
            throw new PdfWriterException($"Font file '{path}' could not be read: {ex.Message}", ex) { File = path };
        }
        catch
        {
            font?.Dispose();
            face?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The 2-byte code (= CID, through Identity-H) that shows a glyph. The subset keeps glyph
    /// ids, so this is the glyph id itself, except for CID-keyed CFF, where the viewer looks
    /// the CID up in the font's charset (the trap described in the architecture notes).
    /// </summary>
    public uint CodeOf(uint glyphId) => _charset?.CidOf(glyphId) ?? glyphId;

    /// <summary>The glyph the font's cmap gives a character, or null when it has none.</summary>
    public uint? GlyphOf(int codepoint) => _font.TryGetGlyph(codepoint, out var glyph) && glyph != 0 ? glyph : null;

    /// <summary>The glyph's horizontal advance (hmtx) in PDF glyph space, rounded to 3 decimals.</summary>
    public double Width(uint glyphId)
    {
        if (_widths is null)
        {
            _widths = new double[Face.GlyphCount];
            Array.Fill(_widths, double.NaN);
        }
        if (glyphId >= _widths.Length)
            throw new PdfWriterException($"Glyph id {glyphId} does not exist in font '{Source.FilePath}' ({_widths.Length} glyphs).");
        ref var width = ref _widths[glyphId];
        if (double.IsNaN(width))
            width = Math.Round(Scale(_font.GetHorizontalGlyphAdvance(glyphId)), 3);
        return width;
    }

    public void Dispose()
    {
        _font.Dispose();
        Face.Dispose();
    }
}
