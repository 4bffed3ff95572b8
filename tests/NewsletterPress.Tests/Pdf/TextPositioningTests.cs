using System.Collections.Immutable;
using System.Globalization;
using System.Xml.Linq;
using NewsletterPress.Display;
using NewsletterPress.Rendering.Pdf;
using NewsletterPress.Shared;

namespace NewsletterPress.Tests.Pdf;

/// <summary>Glyphs must land exactly where the layout put them, and extract as their source text.</summary>
public sealed class TextPositioningTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Character origins as mupdf reads them: (text, x, baseline y) in points, top-left origin.</summary>
    private static List<(string C, double X, double Y)> Characters(string pdf)
    {
        var xml = PdfTools.Ok("mutool", "draw", "-q", "-F", "stext", "-o", "-", pdf);
        return XDocument.Parse(xml).Descendants("char")
            .Select(c => ((string)c.Attribute("c")!,
                double.Parse((string)c.Attribute("x")!, CultureInfo.InvariantCulture),
                double.Parse((string)c.Attribute("y")!, CultureInfo.InvariantCulture)))
            .ToList();
    }

    [Fact]
    public void Each_glyph_lands_at_run_x_plus_glyph_x_even_with_irregular_spacing()
    {
        // Letter-spaced by hand: positions that the font's advances alone would never give.
        var shaped = TestShaper.Shape(RepositoryFonts.NotoSerif, "Spacing", 14, 100, 200);
        var offsets = new[] { 0.0, 13.25, 19.5, 40.125, 51.0, 52.5, 70.0 };
        var glyphs = shaped.Glyphs.Select((g, i) => g with { X = offsets[i] }).ToImmutableArray();
        var run = shaped with { Glyphs = glyphs };
        var pdf = _temp.File("spacing.pdf");
        PdfWriter.Write(SampleDocuments.SinglePage(run), pdf);

        // mupdf adds the spaces it infers from the wide gaps; only the glyphs matter here.
        var chars = Characters(pdf).Where(c => c.C != " ").ToList();
        Assert.Equal("Spacing", string.Concat(chars.Select(c => c.C)));
        for (var i = 0; i < offsets.Length; i++)
        {
            Assert.InRange(chars[i].X, 100 + offsets[i] - 0.01, 100 + offsets[i] + 0.01);
            Assert.InRange(chars[i].Y, 199.99, 200.01);
        }
    }

    [Fact]
    public void Shaped_Japanese_keeps_its_advances()
    {
        var run = TestShaper.Shape(RepositoryFonts.IpaexMincho, SampleDocuments.JapaneseLine, 10, 72, 100, language: "ja");
        var pdf = _temp.File("ja.pdf");
        PdfWriter.Write(SampleDocuments.SinglePage(run), pdf);

        var chars = Characters(pdf).Where(c => c.C != " ").ToList();
        var expected = run.Glyphs.Where(g => g.Text != " ").ToList();
        Assert.Equal(expected.Count, chars.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Text, chars[i].C);
            Assert.InRange(chars[i].X, 72 + expected[i].X - 0.01, 72 + expected[i].X + 0.01);
        }
    }

    [Fact]
    public void Vertical_glyph_offsets_move_only_that_glyph()
    {
        var shaped = TestShaper.Shape(RepositoryFonts.NotoSerif, "x2y", 12, 100, 300);
        var glyphs = shaped.Glyphs.SetItem(1, shaped.Glyphs[1] with { Y = -4 });
        var pdf = _temp.File("rise.pdf");
        PdfWriter.Write(SampleDocuments.SinglePage(shaped with { Glyphs = glyphs }), pdf);

        var chars = Characters(pdf);
        Assert.Equal(["x", "2", "y"], chars.Select(c => c.C));
        Assert.InRange(chars[0].Y, 299.99, 300.01);
        Assert.InRange(chars[1].Y, 295.99, 296.01);
        Assert.InRange(chars[2].Y, 299.99, 300.01);
        Assert.InRange(chars[2].X, 100 + shaped.Glyphs[2].X - 0.01, 100 + shaped.Glyphs[2].X + 0.01);
    }

    [Fact]
    public void A_glyph_shown_for_different_texts_extracts_as_each_source_text()
    {
        // The same glyph stands for 民 (U+6C11) first and then for the radical ⺠ (U+2EA0):
        // the glyph's own ToUnicode entry says 民, so the second use needs a code of its own.
        var font = RepositoryFonts.IpaexMincho;
        var gid = TestShaper.GlyphOf(font, 0x6C11);
        Assert.NotEqual(0u, gid);
        var run = new GlyphRun(font, 20, 72, 100, Ink.Black,
        [
            new PlacedGlyph(gid, 0, 0, 20, "\u6C11"),
            new PlacedGlyph(gid, 20, 0, 20, "\u2EA0"),
            new PlacedGlyph(gid, 40, 0, 20, "\u6C11"),
        ]);
        var pdf = _temp.File("actualtext.pdf");
        PdfWriter.Write(SampleDocuments.SinglePage(run), pdf);

        // The second use gets an alias CID of its own whose ToUnicode entry is ⺠, so readers that
        // ignore ActualText (mupdf 1.21, Ghostscript's txtwrite) extract it exactly too.
        Assert.Equal("\u6C11\u2EA0\u6C11", PdfTools.Normalize(PdfTools.Ok("pdftotext", "-enc", "UTF-8", pdf, "-")));
        Assert.Equal("\u6C11\u2EA0\u6C11", PdfTools.Normalize(PdfTools.Ok("mutool", "draw", "-q", "-F", "txt", "-o", "-", pdf)));
        var qdf = PdfTools.Uncompressed(pdf);
        Assert.DoesNotContain("ActualText", qdf);
        Assert.DoesNotContain("/CIDToGIDMap /Identity", qdf);
    }

    [Fact]
    public void A_cluster_of_several_glyphs_extracts_as_its_text_once()
    {
        // q + combining acute has no precomposed character, so HarfBuzz gives one cluster of
        // two glyphs: the base, and a zero-width mark placed over it.
        var run = TestShaper.Shape(RepositoryFonts.NotoSerif, "cq\u0301c", 20, 72, 100);
        Assert.Equal(4, run.Glyphs.Length);
        Assert.Equal("q\u0301", run.Glyphs[1].Text);
        Assert.Equal("", run.Glyphs[2].Text);
        var pdf = _temp.File("cluster.pdf");
        PdfWriter.Write(SampleDocuments.SinglePage(run), pdf);

        Assert.Equal("cq\u0301c", PdfTools.Normalize(PdfTools.Ok("pdftotext", "-enc", "UTF-8", pdf, "-")).Normalize());
        var qdf = PdfTools.Uncompressed(pdf);
        Assert.Contains("/Span << /ActualText <feff00710301> >> BDC", qdf);
    }

    [Fact]
    public void Every_glyph_of_a_cluster_is_drawn_even_identical_ones()
    {
        // A base with the same mark stacked twice at the same place (an overstrike), placed so
        // that the mark is the glyph reaching furthest right, which is drawn last.
        var font = RepositoryFonts.NotoSerif;
        var q = TestShaper.GlyphOf(font, 'q');
        var acute = TestShaper.GlyphOf(font, 0x0301);
        var run = new GlyphRun(font, 20, 72, 100, Ink.Black,
        [
            new PlacedGlyph(q, 0, 0, 11, "q\u0301\u0301"),
            new PlacedGlyph(acute, 15, 0, 0, ""),
            new PlacedGlyph(acute, 15, 0, 0, ""),
        ]);
        var qdf = System.Text.Encoding.Latin1.GetString(
            PdfWriter.WriteToBytes(SampleDocuments.SinglePage(run), new PdfWriterOptions(Compress: false)));
        var shown = qdf.Split('\n').Where(line => line.EndsWith(" TJ", StringComparison.Ordinal))
            .SelectMany(line => System.Text.RegularExpressions.Regex.Matches(line, "<([0-9A-F]{4})+>"))
            .SelectMany(m => m.Groups[1].Captures.Select(c => c.Value)).ToList();
        Assert.Equal(3, shown.Count);
        Assert.Equal(2, shown.Count(code => code == acute.ToString("X4", CultureInfo.InvariantCulture)));
        Assert.Single(shown, q.ToString("X4", CultureInfo.InvariantCulture));
    }
}
