using System.Text.Json;
using NewsletterPress.Display;
using NewsletterPress.Rendering.Pdf;
using SkiaSharp;

namespace NewsletterPress.Tests.Pdf;

public sealed class PrintProfileTests : IDisposable
{
    private const double Bleed = 3 * 72 / 25.4;
    private readonly TempFolder _temp = new();
    private readonly string _path;
    private readonly PdfInspector _pdf;

    public PrintProfileTests()
    {
        _path = _temp.File("print.pdf");
        PdfWriter.Write(RichDocuments.Build(_temp), _path, new PdfWriterOptions(Profile: PdfProfile.Print));
        _pdf = new PdfInspector(_path);
    }

    public void Dispose() => _temp.Dispose();

    private double[] Box(string page, string key) => PdfInspector.Numbers(_pdf.Object(page).GetProperty(key));

    [Fact]
    public void The_trim_box_is_exactly_A4_inside_the_bleed_box_inside_the_media_box()
    {
        foreach (var page in _pdf.Pages)
        {
            var trim = Box(page, "/TrimBox");
            var bleed = Box(page, "/BleedBox");
            var media = Box(page, "/MediaBox");
            Assert.Equal(SampleDocuments.A4Width, trim[2] - trim[0], 3);
            Assert.Equal(SampleDocuments.A4Height, trim[3] - trim[1], 3);
            for (var i = 0; i < 4; i++)
                Assert.Equal(trim[i] + (i < 2 ? -Bleed : Bleed), bleed[i], 3);
            Assert.True(media[0] <= bleed[0] - 20 && media[1] <= bleed[1] - 20 && media[2] >= bleed[2] + 20 && media[3] >= bleed[3] + 20,
                "the media box leaves room for crop marks");
        }
    }

    [Fact]
    public void Crop_marks_are_drawn_in_registration_colour_outside_the_bleed_and_inside_the_media_box()
    {
        var page = _pdf.Pages[0];
        var content = _pdf.PageContent(page);
        var marks = content[..content.IndexOf(" cm\n", StringComparison.Ordinal)];
        Assert.Contains("/All CS 1 SCN", marks);
        var space = _pdf.Get(_pdf.Get(_pdf.Object(page), "/Resources"), "/ColorSpace").GetProperty("/All");
        var separation = _pdf.Get(space);
        Assert.Equal(["/Separation", "/All", "/DeviceCMYK"], separation.EnumerateArray().Take(3).Select(e => e.GetString()));

        var trim = Box(page, "/TrimBox");
        var bleed = Box(page, "/BleedBox");
        var media = Box(page, "/MediaBox");
        var segments = ContentStreamReader.Segments(marks);
        Assert.Equal(16 + 8, segments.Count); // four double corner marks of four lines, four centre crosses of two
        static bool Inside(double[] box, double x, double y, double tolerance = 0) =>
            x > box[0] + tolerance && x < box[2] - tolerance && y > box[1] + tolerance && y < box[3] - tolerance;
        foreach (var (x1, y1, x2, y2) in segments)
        {
            foreach (var (x, y) in new[] { (x1, y1), (x2, y2), ((x1 + x2) / 2, (y1 + y2) / 2) })
            {
                Assert.True(x >= media[0] && x <= media[2] && y >= media[1] && y <= media[3], $"({x}, {y}) is outside the media box");
                Assert.False(Inside(bleed, x, y, 0.001), $"({x}, {y}) is inside the bleed box");
                Assert.False(Inside(trim, x, y), $"({x}, {y}) is inside the trim box");
            }
        }
        // The inner corner lines continue the trim edges: some mark lies on each trim edge line.
        Assert.Contains(segments, s => Math.Abs(s.X1 - trim[0]) < 0.001 && Math.Abs(s.X2 - trim[0]) < 0.001);
        Assert.Contains(segments, s => Math.Abs(s.Y1 - trim[3]) < 0.001 && Math.Abs(s.Y2 - trim[3]) < 0.001);
        // …and the outer ones the bleed edges.
        Assert.Contains(segments, s => Math.Abs(s.X1 - bleed[2]) < 0.001 && Math.Abs(s.X2 - bleed[2]) < 0.001);
    }

    [Fact]
    public void Content_is_shifted_so_that_it_keeps_its_place_relative_to_the_trim_box()
    {
        var screen = _temp.File("screen.pdf");
        PdfWriter.Write(RichDocuments.Build(_temp.NewSubfolder()), screen);
        static (double X, double Y) FirstWord(string pdf)
        {
            var html = PdfTools.Ok("pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-");
            var match = System.Text.RegularExpressions.Regex.Match(html, "xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\"");
            return (double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        var trim = Box(_pdf.Pages[0], "/TrimBox");
        var media = Box(_pdf.Pages[0], "/MediaBox");
        var (px, py) = FirstWord(_path);
        var (sx, sy) = FirstWord(screen);
        Assert.Equal(sx, px - trim[0], 1);
        Assert.Equal(sy, py - (media[3] - trim[3]), 1); // pdftotext measures from the top

        // The screen file's link stays out of the print file: PDF/X allows no annotation in the bleed box.
        var screenPdf = new PdfInspector(screen);
        Assert.Single(screenPdf.Object(screenPdf.Pages[0]).GetProperty("/Annots").EnumerateArray());
        Assert.False(_pdf.Has(_pdf.Object(_pdf.Pages[0]), "/Annots"));
    }

    [Fact]
    public void Black_text_and_rules_are_K_only_and_other_inks_CMYK()
    {
        var content = _pdf.PageContent(_pdf.Pages[0]);
        var colours = ContentStreamReader.FillColourOfText(content);
        // Heading, Japanese line and folio, and the slug line outside the bleed: black as K only.
        Assert.All(colours.Where(c => c != "1 0.4 0 0.2 k"), c => Assert.Equal("0 0 0 1 k", c));
        Assert.True(colours.Count(c => c == "0 0 0 1 k") >= 4);
        Assert.Single(colours, "1 0.4 0 0.2 k");
        Assert.Contains("\n0 0 0 1 K\n", content); // the black rule
        Assert.Contains("\n1 0.4 0 0.2 K\n", content); // the accent frame
        Assert.DoesNotContain(" g\n", content);
        Assert.DoesNotContain(" rg\n", content);
        Assert.DoesNotContain("1 1 1 1 k", content);
        var second = ContentStreamReader.FillColourOfText(_pdf.PageContent(_pdf.Pages[1]));
        Assert.All(second, c => Assert.Equal("0 0 0 1 k", c));
    }

    [Fact]
    public void The_output_intent_is_GTS_PDFX_FOGRA39_with_an_embedded_CMYK_output_profile()
    {
        var intents = _pdf.Catalog.GetProperty("/OutputIntents");
        var intent = _pdf.Get(Assert.Single(intents.EnumerateArray()));
        Assert.Equal("/GTS_PDFX", intent.GetProperty("/S").GetString());
        Assert.Equal("FOGRA39", PdfInspector.Text(intent.GetProperty("/OutputConditionIdentifier")));
        var profileRef = intent.GetProperty("/DestOutputProfile").GetString()!;
        Assert.Equal(4, _pdf.Object(profileRef).GetProperty("/N").GetInt32());
        var icc = _pdf.StreamData(profileRef);
        Assert.Equal("prtr", System.Text.Encoding.ASCII.GetString(icc, 12, 4));
        Assert.Equal("CMYK", System.Text.Encoding.ASCII.GetString(icc, 16, 4));
        Assert.Equal("acsp", System.Text.Encoding.ASCII.GetString(icc, 36, 4));
        Assert.Equal(icc.Length, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(icc));
    }

    [Fact]
    public void Info_and_XMP_claim_PDF_X_4_and_say_the_file_is_not_trapped()
    {
        Assert.Equal("PDF/X-4", PdfInspector.Text(_pdf.Info.GetProperty("/GTS_PDFXVersion")));
        Assert.Equal("/False", _pdf.Info.GetProperty("/Trapped").GetString());
        var xmp = MetadataTests.XmpOf(_pdf);
        System.Xml.Linq.XNamespace pdfxid = "http://www.npes.org/pdfx/ns/id/";
        Assert.Equal("PDF/X-4", xmp.Descendants(pdfxid + "GTS_PDFXVersion").Single().Value);
        Assert.False(_pdf.Has(_pdf.Trailer, "/Encrypt"));
    }

    [Fact]
    public void RGB_images_are_ICCBased_sRGB_not_DeviceRGB()
    {
        var qdf = PdfTools.Uncompressed(_path);
        Assert.DoesNotContain("/DeviceRGB", qdf);
        var images = _pdf.References.Select(r => _pdf.Object(r))
            .Where(o => o.ValueKind == JsonValueKind.Object && o.TryGetProperty("/Subtype", out var s) && s.GetString() == "/Image")
            .ToList();
        Assert.NotEmpty(images);
        foreach (var image in images)
        {
            var space = _pdf.Get(image.GetProperty("/ColorSpace"));
            Assert.Equal("/ICCBased", space[0].GetString());
        }
    }

    [Fact]
    public void PDF_X_1a_writes_gray_images_as_DeviceGray_with_no_transparency()
    {
        var path = _temp.File("x1a.pdf");
        PdfWriter.Write(RichDocuments.Build(_temp.NewSubfolder(), rgbImages: false), path, new PdfWriterOptions(Profile: PdfProfile.PrintX1a));
        var pdf = new PdfInspector(path);
        Assert.Equal("PDF/X-1:2001", PdfInspector.Text(pdf.Info.GetProperty("/GTS_PDFXVersion")));
        Assert.Equal("PDF/X-1a:2001", PdfInspector.Text(pdf.Info.GetProperty("/GTS_PDFXConformance")));
        var qdf = PdfTools.Uncompressed(path);
        Assert.DoesNotContain("/ICCBased", qdf);
        Assert.DoesNotContain("/DeviceRGB", qdf);
        Assert.DoesNotContain("/SMask", qdf);
        Assert.Contains("/ColorSpace /DeviceGray", qdf);
        var gray = TestImages.Png(_temp.File("ga.png"), 8, 8, SKColors.Gray, transparentRight: true);
        var flattened = _temp.File("ga.pdf");
        PdfWriter.Write(SampleDocuments.SinglePage(new ImageItem(gray, 0, 0, 10, 10)), flattened, new PdfWriterOptions(Profile: PdfProfile.PrintX1a));
        Assert.DoesNotContain("/SMask", PdfTools.Uncompressed(flattened));
        Assert.Contains(" gray ", PdfTools.Ok("pdfimages", "-list", flattened), StringComparison.Ordinal);
        Assert.Equal("/GTS_PDFX", pdf.Get(pdf.Catalog.GetProperty("/OutputIntents")[0]).GetProperty("/S").GetString());
        Assert.Equal(SampleDocuments.A4Width, Box(pdf, pdf.Pages[0], "/TrimBox")[2] - Box(pdf, pdf.Pages[0], "/TrimBox")[0], 3);
    }

    private static double[] Box(PdfInspector pdf, string page, string key) => PdfInspector.Numbers(pdf.Object(page).GetProperty(key));
}
