using HarfBuzzSharp;
using NewsletterPress.Display;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// A font file opened for embedding: the HarfBuzz face (for subsetting and advances) and
/// its descriptor values. Widths are in PDF glyph space (1000 units per em), rounded once
/// here so that the /W array and the TJ positioning use exactly the same numbers.
/// </summary>
internal sealed class FontProgram : IDisposable
{
    private readonly Blob _blob;
    private readonly Font _font;
    private readonly Dictionary<uint, double> _widths = [];

    private FontProgram(FontRef source, Blob blob, Face face, Font font, SfntTables tables)
    {
        Source = source;
        _blob = blob;
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
        var path = source.FilePath;
        if (!File.Exists(path))
            throw new PdfWriterException($"Font file '{path}' does not exist.");
        Blob? blob = null;
        Face? face = null;
        Font? font = null;
        try
        {
            blob = Blob.FromFile(path);
            face = new Face(blob, source.FaceIndex);
            if (face.GlyphCount <= 0 || face.UnitsPerEm <= 0)
                throw new PdfWriterException($"Font file '{path}' (face {source.FaceIndex}) is not a font HarfBuzz can read.");
            var tables = SfntTables.Read(face);
            if (tables.HasCff)
            {
                throw new PdfWriterException(
                    $"Font file '{path}' has CFF (PostScript) outlines, which the PDF writer cannot embed yet; use a TrueType font.",
                    new NotSupportedException("CFF font embedding is not implemented."));
            }
            if (!tables.HasGlyf)
                throw new PdfWriterException($"Font file '{path}' has no 'glyf' outlines to embed.");
            font = new Font(face);
            // Scale = units per em, so advances come back in font units.
            font.SetScale(face.UnitsPerEm, face.UnitsPerEm);
            return new FontProgram(source, blob, face, font, tables);
        }
        catch (Exception ex) when (ex is not PdfWriterException)
        {
            font?.Dispose();
            face?.Dispose();
            blob?.Dispose();
            throw new PdfWriterException($"Font file '{path}' could not be read: {ex.Message}", ex);
        }
        catch
        {
            font?.Dispose();
            face?.Dispose();
            blob?.Dispose();
            throw;
        }
    }

    /// <summary>The glyph's horizontal advance (hmtx) in PDF glyph space, rounded to 3 decimals.</summary>
    public double Width(uint glyphId)
    {
        if (!_widths.TryGetValue(glyphId, out var width))
        {
            if (glyphId >= Face.GlyphCount)
                throw new PdfWriterException($"Glyph id {glyphId} does not exist in font '{Source.FilePath}' ({Face.GlyphCount} glyphs).");
            width = Math.Round(Scale(_font.GetHorizontalGlyphAdvance(glyphId)), 3);
            _widths[glyphId] = width;
        }
        return width;
    }

    public void Dispose()
    {
        _font.Dispose();
        Face.Dispose();
        _blob.Dispose();
    }
}
