using System.Collections.Immutable;
using NewsletterPress.Display;
using NewsletterPress.Rendering.Pdf;
using NewsletterPress.Shared;
using NewsletterPress.Text.Fonts;

namespace NewsletterPress.Tests.Pdf;

public sealed class PdfWriterBehaviourTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Writing_twice_gives_byte_identical_files()
    {
        var first = _temp.File("a.pdf");
        var second = _temp.File("b.pdf");
        PdfWriter.Write(SampleDocuments.Mixed(), first);
        PdfWriter.Write(SampleDocuments.Mixed(), second);
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void Different_content_gives_a_different_ID()
    {
        var a = System.Text.Encoding.Latin1.GetString(PdfWriter.WriteToBytes(SampleDocuments.SinglePage(
            TestShaper.Shape(RepositoryFonts.NotoSerif, "one", 12, 50, 50))));
        var b = System.Text.Encoding.Latin1.GetString(PdfWriter.WriteToBytes(SampleDocuments.SinglePage(
            TestShaper.Shape(RepositoryFonts.NotoSerif, "two", 12, 50, 50))));
        static string Id(string pdf) => pdf[pdf.IndexOf("/ID [", StringComparison.Ordinal)..].Split(']')[0];
        Assert.NotEqual(Id(a), Id(b));
    }

    [Fact]
    public void Streams_are_flate_compressed_by_default()
    {
        var pdf = System.Text.Encoding.Latin1.GetString(PdfWriter.WriteToBytes(SampleDocuments.Mixed()));
        Assert.Contains("/Filter /FlateDecode", pdf);
        Assert.DoesNotContain(" TJ\n", pdf);
        Assert.DoesNotContain("beginbfchar", pdf);

        var raw = System.Text.Encoding.Latin1.GetString(PdfWriter.WriteToBytes(SampleDocuments.Mixed(), new PdfWriterOptions(Compress: false)));
        Assert.Contains(" TJ\n", raw);
        Assert.Contains("beginbfchar", raw);
        Assert.Equal("%PDF-1.7", raw[..8]);
        Assert.EndsWith("%%EOF\n", raw);
    }

    [Fact]
    public void The_embedded_subset_is_much_smaller_than_the_font()
    {
        var bytes = PdfWriter.WriteToBytes(SampleDocuments.SinglePage(
            TestShaper.Shape(RepositoryFonts.IpaexMincho, SampleDocuments.JapaneseLine, 12, 50, 50, language: "ja")));
        var fontSize = new FileInfo(RepositoryFonts.IpaexMincho.FilePath).Length;
        Assert.True(bytes.Length < fontSize / 20, $"PDF is {bytes.Length} bytes for a {fontSize}-byte font.");
    }

    [Fact]
    public void A_garbage_font_throws_naming_the_file_and_leaves_no_file()
    {
        var garbage = _temp.File("broken.ttf");
        File.WriteAllBytes(garbage, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7))]);
        var real = TestShaper.Shape(RepositoryFonts.NotoSerif, "Hello", 12, 50, 50);
        var run = real with { Font = new FontRef(garbage, FontFiles.Read(garbage)) };
        var output = _temp.File("out.pdf");

        var error = Assert.Throws<PdfWriterException>(() => PdfWriter.Write(SampleDocuments.SinglePage(run), output));
        Assert.Contains(garbage, error.Message);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(_temp.Path, "*.tmp", SearchOption.AllDirectories));
        Assert.Equal([garbage], Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_file_untouched()
    {
        var output = _temp.File("issue.pdf");
        PdfWriter.Write(SampleDocuments.Mixed(), output);
        var before = File.ReadAllBytes(output);

        // A font the writer cannot embed: bytes that are no font (the Text stage opened the file, the writer reads its bytes).
        var notAFont = _temp.File("not-a-font.ttf");
        File.WriteAllBytes(notAFont, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 13))]);
        var run = TestShaper.Shape(RepositoryFonts.NotoSerif, "Hello", 12, 50, 50) with { Font = new FontRef(notAFont, FontFiles.Read(notAFont)) };
        var error = Assert.Throws<PdfWriterException>(() => PdfWriter.Write(SampleDocuments.SinglePage(run), output));
        Assert.Contains("not-a-font.ttf", error.Message);
        Assert.Equal(before, File.ReadAllBytes(output));
        Assert.Equal(2, Directory.GetFiles(_temp.Path).Length); // the previous PDF and the font, no temporary file
    }

    [Fact]
    public void An_unwritable_destination_is_a_PdfWriterException_naming_the_path()
    {
        var output = Path.Combine(_temp.Path, "no-such-folder", "issue.pdf");
        var error = Assert.Throws<PdfWriterException>(() => PdfWriter.Write(SampleDocuments.Mixed(), output));
        Assert.Contains(output, error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void A_glyph_id_beyond_the_font_is_an_error()
    {
        var run = new GlyphRun(RepositoryFonts.NotoSerif, 12, 50, 50, Ink.Black, [new PlacedGlyph(60000, 0, 0, 6, "x")]);
        var error = Assert.Throws<PdfWriterException>(() => PdfWriter.WriteToBytes(SampleDocuments.SinglePage(run)));
        Assert.Contains("NotoSerif-Regular.ttf", error.Message);
    }

    [Fact]
    public void A_link_to_an_unknown_destination_is_an_error()
    {
        var doc = SampleDocuments.SinglePage(new LinkArea(10, 10, 50, 10, null, "nowhere"));
        var error = Assert.Throws<PdfWriterException>(() => PdfWriter.WriteToBytes(doc));
        Assert.Contains("nowhere", error.Message);
    }

    [Fact]
    public void An_outline_entry_to_an_unknown_destination_is_an_error()
    {
        var doc = SampleDocuments.SinglePage(new Anchor("a", 0, 0)) with
        {
            Outline = [new OutlineEntry("Lost", "missing", [])],
        };
        var error = Assert.Throws<PdfWriterException>(() => PdfWriter.WriteToBytes(doc));
        Assert.Contains("missing", error.Message);
    }

    [Fact]
    public void Numeric_labels_become_decimal_ranges_and_others_prefixes()
    {
        var pages = new[] { "i", "ii", "1", "2", "3", "10", "Back" }
            .Select(l => new Page(SampleDocuments.A4Width, SampleDocuments.A4Height, [], l))
            .ToImmutableArray();
        var path = _temp.File("labels.pdf");
        PdfWriter.Write(new DisplayDocument(SampleDocuments.Info, pages, []), path);

        var labels = PdfTools.Ok("pdfinfo", "-l", "7", path);
        PdfTools.Ok("qpdf", "--check", path);
        var json = PdfTools.Ok("qpdf", "--json", "--json-key=pagelabels", path);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var ranges = doc.RootElement.GetProperty("pagelabels").EnumerateArray()
            .Select(r => r.GetProperty("index").GetInt32()).ToList();
        Assert.Equal([0, 1, 2, 5, 6], ranges);
        Assert.Contains("Page    7 size", labels);
    }
}
