using System.Xml.Linq;
using NewsletterPress.Display;
using NewsletterPress.Rendering.Pdf;

namespace NewsletterPress.Tests.Pdf;

public sealed class ArchiveProfileTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly DisplayDocument _document;
    private readonly string _path;
    private readonly PdfInspector _pdf;

    public ArchiveProfileTests()
    {
        _document = RichDocuments.Build(_temp);
        _path = _temp.File("archive.pdf");
        PdfWriter.Write(_document, _path, new PdfWriterOptions(Profile: PdfProfile.Archive));
        _pdf = new PdfInspector(_path);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void XMP_identifies_PDF_A_3u()
    {
        XNamespace pdfaid = "http://www.aiim.org/pdfa/ns/id/";
        var xmp = MetadataTests.XmpOf(_pdf);
        Assert.Equal("3", xmp.Descendants(pdfaid + "part").Single().Value);
        Assert.Equal("U", xmp.Descendants(pdfaid + "conformance").Single().Value);
        Assert.StartsWith("%PDF-1.7", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(_path), 0, 8));
        Assert.Equal(2, _pdf.Trailer.GetProperty("/ID").GetArrayLength());
    }

    [Fact]
    public void The_output_intent_is_GTS_PDFA1_with_an_embedded_sRGB_profile()
    {
        var intent = _pdf.Get(Assert.Single(_pdf.Catalog.GetProperty("/OutputIntents").EnumerateArray()));
        Assert.Equal("/GTS_PDFA1", intent.GetProperty("/S").GetString());
        var icc = _pdf.StreamData(intent.GetProperty("/DestOutputProfile").GetString()!);
        Assert.Equal("RGB ", System.Text.Encoding.ASCII.GetString(icc, 16, 4));
        Assert.Equal("mntr", System.Text.Encoding.ASCII.GetString(icc, 12, 4));
    }

    [Fact]
    public void Attachments_extract_byte_identical_as_associated_source_files()
    {
        var attachment = _document.Attachments[0];
        var list = PdfTools.Ok("qpdf", "--list-attachments", _path);
        Assert.Contains(attachment.Name, list);
        var extracted = _temp.File("extracted.md");
        PdfTools.Ok("sh", "-c", $"qpdf --show-attachment='{attachment.Name}' '{_path}' > '{extracted}'");
        Assert.Equal(File.ReadAllBytes(attachment.Path), File.ReadAllBytes(extracted));

        var spec = _pdf.Get(Assert.Single(_pdf.Catalog.GetProperty("/AF").EnumerateArray()));
        Assert.Equal("/Source", spec.GetProperty("/AFRelationship").GetString());
        Assert.Equal(attachment.Name, PdfInspector.Text(spec.GetProperty("/UF")));
        var stream = _pdf.Get(_pdf.Get(spec, "/EF"), "/F");
        Assert.Equal("/text/markdown", stream.GetProperty("/Subtype").GetString()); // qpdf shows the name decoded
        Assert.Equal("D:20260401093000+09'00'", PdfInspector.Text(stream.GetProperty("/Params").GetProperty("/ModDate")));
    }

    [Fact]
    public void No_device_RGB_or_CMYK_colour_is_used_with_the_sRGB_output_intent()
    {
        var qdf = PdfTools.Uncompressed(_path);
        Assert.DoesNotContain("/DeviceRGB", qdf);
        Assert.DoesNotContain("/DeviceCMYK", qdf);
        foreach (var page in _pdf.Pages)
        {
            var content = _pdf.PageContent(page);
            Assert.DoesNotMatch(@"\n[\d. ]+ (k|K|rg|RG)\n", content);
        }
        var colours = ContentStreamReader.FillColourOfText(_pdf.PageContent(_pdf.Pages[0]));
        Assert.Contains("/sRGB cs 0.1216 0.3059 0.549 scn", colours); // the accent, #1f4e8c
        Assert.Contains("0 g", colours);
        var space = _pdf.Get(_pdf.Get(_pdf.Get(_pdf.Object(_pdf.Pages[0]), "/Resources"), "/ColorSpace").GetProperty("/sRGB"));
        Assert.Equal("/ICCBased", space[0].GetString());
    }

    [Fact]
    public void Link_annotations_are_printable()
    {
        var link = _pdf.Get(_pdf.Object(_pdf.Pages[0]).GetProperty("/Annots")[0]);
        Assert.Equal(4, link.GetProperty("/F").GetInt32() & 4);
    }

    [Fact]
    public void Other_profiles_attach_nothing()
    {
        var screen = _temp.File("screen.pdf");
        PdfWriter.Write(_document, screen);
        var pdf = new PdfInspector(screen);
        Assert.False(pdf.Has(pdf.Catalog, "/AF"));
        Assert.DoesNotContain("EmbeddedFile", PdfTools.Uncompressed(screen));
    }
}

public sealed class ArchiveToUnicodeTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static int Mappings(string qdf) =>
        System.Text.RegularExpressions.Regex.Matches(qdf, @"\n<[0-9A-F]{4}> <[0-9A-F]+>").Count(m => m.Value != "\n<0000> <FFFF>"); // not the codespace range

    [Fact]
    public void Every_glyph_has_a_Unicode_mapping_in_the_archive_profile_even_inside_a_cluster()
    {
        // q + combining acute: no precomposed form, so HarfBuzz gives two glyphs in one cluster.
        var run = TestShaper.Shape(RepositoryFonts.NotoSerif, "aq\u0301", 12, 50, 50);
        Assert.Equal(3, run.Glyphs.Length);
        Assert.Equal("", run.Glyphs[2].Text);
        var document = SampleDocuments.SinglePage(run);

        var archive = _temp.File("a.pdf");
        PdfWriter.Write(document, archive, new Rendering.Pdf.PdfWriterOptions(Profile: Rendering.Pdf.PdfProfile.Archive));
        Assert.Equal(3, Mappings(PdfTools.Uncompressed(archive)));
        Assert.Equal("aq\u0301", PdfTools.Normalize(PdfTools.Ok("pdftotext", archive, "-")));

        var screen = _temp.File("s.pdf");
        PdfWriter.Write(document, screen);
        Assert.Equal(3, Mappings(PdfTools.Uncompressed(screen))); // PDF/UA asks the same (ISO 14289-1 §7.21.7)
    }
}
