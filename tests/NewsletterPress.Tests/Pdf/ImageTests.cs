using System.Collections.Immutable;
using NewsletterPress.Display;
using NewsletterPress.Rendering.Pdf;
using SkiaSharp;

namespace NewsletterPress.Tests.Pdf;

public sealed class ImageTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>pdfimages -list rows: page, num, type, width, height, color, comp, bpc, enc, interp, object…</summary>
    private static List<string[]> ImageList(string pdf) =>
        [.. PdfTools.Ok("pdfimages", "-list", pdf).Split('\n').Skip(2)
            .Where(l => l.Trim().Length > 0)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))];

    private string Write(DisplayDocument document, PdfWriterOptions? options = null)
    {
        var path = _temp.File("out-" + Guid.NewGuid().ToString("N")[..8] + ".pdf");
        PdfWriter.Write(document, path, options);
        return path;
    }

    [Fact]
    public void An_image_drawn_twice_and_an_identical_copy_are_embedded_once()
    {
        var png = TestImages.Png(_temp.File("a.png"), 20, 10, SKColors.Orange);
        var copy = _temp.File("b.png");
        File.Copy(png, copy);
        var pdf = Write(SampleDocuments.SinglePage(
            new ImageItem(png, 50, 50, 100, 50),
            new ImageItem(png, 50, 200, 40, 20),
            new ImageItem(copy, 50, 400, 100, 50)));

        var rows = ImageList(pdf);
        Assert.Equal(3, rows.Count);
        Assert.Single(rows.Select(r => r[10]).Distinct());
        Assert.All(rows, r => Assert.Equal("image", r[2]));
    }

    [Fact]
    public void A_JPEG_passes_through_unchanged_as_DCT()
    {
        var jpeg = TestImages.Jpeg(_temp.File("photo.jpg"), 64, 48, new SKColor(30, 90, 200));
        var pdf = Write(SampleDocuments.SinglePage(new ImageItem(jpeg, 50, 50, 64, 48)));

        var row = Assert.Single(ImageList(pdf));
        Assert.Equal(["64", "48", "rgb", "3", "8", "jpeg"], row[3..9]);
        var bytes = File.ReadAllBytes(pdf);
        Assert.True(bytes.AsSpan().IndexOf(File.ReadAllBytes(jpeg)) > 0, "the JPEG's bytes are not in the file verbatim");
        PdfTools.Ok("qpdf", "--check", pdf);
    }

    [Fact]
    public void The_JPEG_header_gives_size_components_and_Adobe_inversion()
    {
        var jpeg = File.ReadAllBytes(TestImages.Jpeg(_temp.File("p.jpg"), 33, 17, SKColors.Gray));
        var header = JpegHeader.Read(jpeg)!;
        Assert.Equal((33, 17, 3, 8), (header.Width, header.Height, header.Components, header.Precision));
        Assert.True(header.CanPassThrough);
        Assert.False(header.IsInvertedCmyk);

        // A CMYK frame after an Adobe APP14 segment: SOI, APP14 "Adobe", SOF0 with 4 components.
        byte[] cmyk =
        [
            0xFF, 0xD8,
            0xFF, 0xEE, 0x00, 0x0E, (byte)'A', (byte)'d', (byte)'o', (byte)'b', (byte)'e', 0, 100, 0, 0, 0, 0, 0,
            0xFF, 0xC0, 0x00, 0x14, 8, 0x00, 0x02, 0x00, 0x03, 4, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 4, 0x11, 0,
            0xFF, 0xD9,
        ];
        var inverted = JpegHeader.Read(cmyk)!;
        Assert.Equal((3, 2, 4), (inverted.Width, inverted.Height, inverted.Components));
        Assert.True(inverted.IsInvertedCmyk);
        Assert.Null(JpegHeader.Read([0x89, (byte)'P', (byte)'N', (byte)'G']));
    }

    [Fact]
    public void A_PNG_with_alpha_gets_a_soft_mask_and_an_opaque_one_none()
    {
        var alpha = TestImages.Png(_temp.File("alpha.png"), 20, 10, SKColors.Red, transparentRight: true);
        var opaque = TestImages.Png(_temp.File("opaque.png"), 20, 10, SKColors.Blue);
        var pdf = Write(SampleDocuments.SinglePage(new ImageItem(alpha, 50, 50, 100, 50), new ImageItem(opaque, 50, 200, 100, 50)));

        var rows = ImageList(pdf);
        Assert.Equal(["image", "smask", "image"], rows.Select(r => r[2]));
        Assert.Equal(["rgb", "gray", "rgb"], rows.Select(r => r[5]));
        Assert.All(rows, r => Assert.Equal("image", r[8])); // Flate, shown by pdfimages as "image"
    }

    [Fact]
    public void A_gray_PNG_is_DeviceGray()
    {
        var gray = TestImages.GrayPng(_temp.File("g.png"), 10, 10, 90);
        var row = Assert.Single(ImageList(Write(SampleDocuments.SinglePage(new ImageItem(gray, 50, 50, 100, 100)))));
        Assert.Equal(["gray", "1"], row[5..7]);
    }

    [Fact]
    public void An_oversized_image_is_downsampled_to_the_maximum_resolution_of_its_largest_placement()
    {
        // 2000 × 1000 pixels placed at most 144 × 72 pt (2 × 1 inch): at 100 dpi that is 200 × 100 pixels.
        var big = TestImages.Png(_temp.File("big.png"), 2000, 1000, SKColors.Green);
        var pdf = Write(SampleDocuments.SinglePage(new ImageItem(big, 50, 50, 144, 72), new ImageItem(big, 50, 300, 72, 36)),
            new PdfWriterOptions(MaxImageDpi: 100));
        var rows = ImageList(pdf);
        Assert.All(rows, r => Assert.Equal(["200", "100"], r[3..5]));

        var bigJpeg = TestImages.Jpeg(_temp.File("big.jpg"), 1600, 800, SKColors.Green);
        var jpegRow = Assert.Single(ImageList(Write(SampleDocuments.SinglePage(new ImageItem(bigJpeg, 50, 50, 144, 72)),
            new PdfWriterOptions(MaxImageDpi: 100))));
        Assert.Equal(["200", "100", "rgb", "3", "8", "jpeg"], jpegRow[3..9]);
    }

    [Fact]
    public void An_image_at_or_below_the_maximum_resolution_keeps_its_pixels()
    {
        var small = TestImages.Png(_temp.File("small.png"), 300, 150, SKColors.Green);
        var row = Assert.Single(ImageList(Write(SampleDocuments.SinglePage(new ImageItem(small, 50, 50, 72, 36)))));
        Assert.Equal(["300", "150"], row[3..5]); // 300 dpi < 350
    }

    [Fact]
    public void Images_are_drawn_with_q_cm_Do_Q_at_their_position()
    {
        var png = TestImages.Png(_temp.File("a.png"), 4, 4, SKColors.Orange);
        var pdf = Write(SampleDocuments.SinglePage(new ImageItem(png, 50, 100, 120, 90)));
        var content = new PdfInspector(pdf).PageContent(new PdfInspector(pdf).Pages[0]);
        // y = 841.89 − 100 − 90
        Assert.Contains("q\n120 0 0 90 50 651.89 cm\n/Im1 Do\nQ\n", content);
    }

    [Fact]
    public void The_rendered_page_shows_the_image_colour_at_its_position()
    {
        var png = TestImages.Png(_temp.File("a.png"), 8, 8, new SKColor(255, 128, 0));
        var jpeg = TestImages.Jpeg(_temp.File("b.jpg"), 16, 16, new SKColor(20, 60, 200));
        var pdf = Write(SampleDocuments.SinglePage(new ImageItem(png, 100, 100, 144, 144), new ImageItem(jpeg, 300, 400, 144, 144)));
        PdfTools.Ok("pdftoppm", "-r", "72", "-png", "-singlefile", pdf, _temp.File("page"));
        using var bitmap = SKBitmap.Decode(_temp.File("page.png"));

        static void Near(SKColor expected, SKColor actual)
        {
            Assert.InRange(actual.Red, expected.Red - 8, expected.Red + 8);
            Assert.InRange(actual.Green, expected.Green - 8, expected.Green + 8);
            Assert.InRange(actual.Blue, expected.Blue - 8, expected.Blue + 8);
        }
        Near(new SKColor(255, 128, 0), bitmap.GetPixel(172, 172));
        Near(new SKColor(20, 60, 200), bitmap.GetPixel(372, 472));
        Near(SKColors.White, bitmap.GetPixel(50, 50));
    }

    /// <summary>An Adobe-style (inverted, APP14) CMYK JPEG of C0 M60 Y100 K0, made by ghostscript's jpegcmyk device.</summary>
    private string CmykJpeg()
    {
        var path = _temp.File("cmyk.jpg");
        PdfTools.Ok("gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=jpegcmyk", "-r72", "-g16x16", "-sOutputFile=" + path,
            "-c", "0 0.6 1 0 setcmykcolor 0 0 72 72 rectfill showpage");
        Assert.True(JpegHeader.Read(File.ReadAllBytes(path))!.IsInvertedCmyk);
        return path;
    }

    private static SKColor ColourAt(string pdf, string outputStem, int x, int y)
    {
        PdfTools.Ok("pdftoppm", "-r", "72", "-png", "-singlefile", pdf, outputStem);
        using var bitmap = SKBitmap.Decode(outputStem + ".png");
        return bitmap.GetPixel(x, y);
    }

    [Fact]
    public void An_Adobe_CMYK_JPEG_passes_through_with_an_inverting_Decode_and_prints_orange()
    {
        var pdf = Write(SampleDocuments.SinglePage(new ImageItem(CmykJpeg(), 100, 100, 144, 144)),
            new PdfWriterOptions(Profile: PdfProfile.Print));
        var row = Assert.Single(ImageList(pdf));
        Assert.Equal(["cmyk", "4", "8", "jpeg"], row[5..9]);
        var inspector = new PdfInspector(pdf);
        var image = inspector.References.Select(inspector.Object)
            .Single(o => o.ValueKind == System.Text.Json.JsonValueKind.Object && o.TryGetProperty("/Subtype", out var t) && t.GetString() == "/Image");
        Assert.Equal([1, 0, 1, 0, 1, 0, 1, 0], PdfInspector.Numbers(image.GetProperty("/Decode")));
        // Print shifts the page by the crop-mark margin (15 mm ≈ 42.52 pt).
        var colour = ColourAt(pdf, _temp.File("cmyk"), 42 + 172, 42 + 172);
        Assert.True(colour.Red > 200 && colour.Green is > 60 and < 180 && colour.Blue < 80, $"rendered {colour}, expected orange");
    }

    [Fact]
    public void The_archive_profile_converts_a_CMYK_JPEG_to_sRGB()
    {
        var pdf = Write(SampleDocuments.SinglePage(new ImageItem(CmykJpeg(), 100, 100, 144, 144)),
            new PdfWriterOptions(Profile: PdfProfile.Archive));
        var row = Assert.Single(ImageList(pdf));
        Assert.Equal(["icc", "3", "8", "jpeg"], row[5..9]);
        Assert.DoesNotContain("/DeviceCMYK", PdfTools.Uncompressed(pdf));
        var colour = ColourAt(pdf, _temp.File("archive"), 172, 172);
        Assert.True(colour.Red > 200 && colour.Green is > 60 and < 180 && colour.Blue < 80, $"rendered {colour}, expected orange");
    }

    [Fact]
    public void An_unreadable_image_throws_naming_the_file()
    {
        var garbage = _temp.File("broken.png");
        File.WriteAllBytes(garbage, [1, 2, 3, 4, 5, 6, 7, 8]);
        var error = Assert.Throws<PdfWriterException>(() => PdfWriter.WriteToBytes(SampleDocuments.SinglePage(new ImageItem(garbage, 0, 0, 10, 10))));
        Assert.Contains(garbage, error.Message);

        var missing = _temp.File("missing.png");
        error = Assert.Throws<PdfWriterException>(() => PdfWriter.WriteToBytes(SampleDocuments.SinglePage(new ImageItem(missing, 0, 0, 10, 10))));
        Assert.Contains(missing, error.Message);
    }
}
