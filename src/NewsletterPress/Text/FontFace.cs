using HarfBuzzSharp;
using NewsletterPress.Shared;
using NewsletterPress.Text.Fonts;
using HbFont = HarfBuzzSharp.Font;

namespace NewsletterPress.Text;

/// <summary>One loaded font face: its file, HarfBuzz objects, and the metrics layout needs.</summary>
public sealed class FontFace : IDisposable
{
    private readonly Face _face;

    public FontRef Ref { get; }
    internal HbFont HbFont { get; }
    public int UnitsPerEm { get; }
    /// <summary>Ascender and descender (positive, below baseline) as fractions of the em.</summary>
    public double Ascender { get; }
    public double Descender { get; }

    public FontFace(string path, int faceIndex = 0)
    {
        var data = FontFiles.Read(path);
        Ref = new FontRef(path, data, faceIndex);
        _face = new Face(data.Blob, faceIndex);
        UnitsPerEm = _face.UnitsPerEm;
        if (UnitsPerEm <= 0 || _face.GlyphCount == 0)
        {
            Dispose();
            throw new InvalidDataException($"'{path}' is not a font HarfBuzz can read");
        }
        // HarfBuzz answers 1000 for a damaged unitsPerEm; the PDF writer reads the table itself, so refuse it here.
        using (var head = _face.ReferenceTable(Tag.Parse("head")))
        {
            var bytes = head.AsSpan();
            int written = bytes.Length >= 20 ? System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(bytes[18..]) : 0;
            if (written is < 16 or > 16384)
            {
                Dispose();
                throw new InvalidDataException($"its 'head' table gives {written} units per em; OpenType allows 16 to 16384");
            }
        }
        HbFont = new HbFont(_face);
        HbFont.SetScale(UnitsPerEm, UnitsPerEm);
        HbFont.TryGetHorizontalFontExtents(out var extents);
        Ascender = extents.Ascender / (double)UnitsPerEm;
        Descender = -extents.Descender / (double)UnitsPerEm;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<ShapingSetup, ShapedWords> _words = new();

    /// <summary>The words this face has shaped in <paramref name="setup"/> (see <see cref="ShapedWords"/>).</summary>
    internal ShapedWords WordsFor(ShapingSetup setup) => _words.GetOrAdd(setup, static s => new ShapedWords(s));

    public bool HasGlyph(int codepoint) => HbFont.TryGetGlyph((uint)codepoint, out _);

    /// <summary>The glyph and advance (in points at <paramref name="size"/>) of the hyphen that a line break adds.</summary>
    internal (uint Glyph, double Advance) HyphenGlyph(double size)
    {
        HbFont.TryGetGlyph('-', out var glyph);
        return (glyph, HbFont.GetHorizontalGlyphAdvance(glyph) * size / UnitsPerEm);
    }

    public override string ToString() => Path.GetFileName(Ref.FilePath);

    public void Dispose()
    {
        HbFont?.Dispose();
        _face.Dispose();
    }
}
