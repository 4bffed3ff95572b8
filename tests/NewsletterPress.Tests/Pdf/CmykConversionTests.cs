using System.Globalization;
using NewsletterPress.Display;
using NewsletterPress.Rendering.Pdf;
using NewsletterPress.Tests.Support;
using SkiaSharp;
using Xunit.Abstractions;

namespace NewsletterPress.Tests.Pdf;

/// <summary>
/// PDF/X-1a converts RGB images into the printing condition's CMYK. Ghostscript (Little CMS inside) is
/// the reference: the same patches written as ICCBased sRGB into a PDF/X-4 file and rendered by
/// Ghostscript into the FOGRA39 CMYK must come out as our DeviceCMYK pixels do.
/// </summary>
public sealed class CmykConversionTests(ITestOutputHelper output) : IDisposable
{
    private const int Patch = 10; // pixels and points a side: rendered at 72 dpi, one pixel a sample
    private const int Columns = 16;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly string Fogra39 = Repo.Path("src", "NewsletterPress", "Rendering", "Pdf", "Profiles", "NewsletterPress-FOGRA39.icc");

    /// <summary>Named patches a print shop looks at, then a 5 × 5 × 5 grid through the whole RGB cube.</summary>
    private static List<(string Name, SKColor Colour)> Patches()
    {
        var patches = new List<(string, SKColor)>
        {
            ("red", new SKColor(255, 0, 0)), ("green", new SKColor(0, 255, 0)), ("blue", new SKColor(0, 0, 255)),
            ("cyan", new SKColor(0, 255, 255)), ("magenta", new SKColor(255, 0, 255)), ("yellow", new SKColor(255, 255, 0)),
            ("white", new SKColor(255, 255, 255)), ("black", new SKColor(0, 0, 0)),
            ("grey 25", new SKColor(64, 64, 64)), ("grey 50", new SKColor(128, 128, 128)), ("grey 75", new SKColor(191, 191, 191)),
            ("light skin", new SKColor(230, 190, 165)), ("dark skin", new SKColor(115, 82, 68)), ("east asian skin", new SKColor(224, 178, 145)),
            ("sky", new SKColor(135, 190, 235)), ("deep sky", new SKColor(60, 110, 190)), ("pale sky", new SKColor(200, 225, 245)),
            ("foliage", new SKColor(87, 108, 67)), ("orange", new SKColor(240, 140, 30)), ("navy", new SKColor(20, 30, 80)),
        };
        foreach (var r in Steps())
            foreach (var g in Steps())
                foreach (var b in Steps())
                    patches.Add(($"rgb {r} {g} {b}", new SKColor(r, g, b)));
        return patches;

        static IEnumerable<byte> Steps() => [0, 64, 128, 191, 255];
    }

    private string PatchImage(List<(string Name, SKColor Colour)> patches)
    {
        var rows = (patches.Count + Columns - 1) / Columns;
        using var bitmap = new SKBitmap(new SKImageInfo(Columns * Patch, rows * Patch, SKColorType.Rgba8888, SKAlphaType.Opaque));
        bitmap.Erase(SKColors.White);
        using (var canvas = new SKCanvas(bitmap))
        {
            for (var i = 0; i < patches.Count; i++)
            {
                using var paint = new SKPaint { Color = patches[i].Colour };
                canvas.DrawRect((i % Columns) * Patch, (i / Columns) * Patch, Patch, Patch, paint);
            }
        }
        var path = _temp.File("patches.png");
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }

    /// <summary>The page as Ghostscript prints it on FOGRA39: 8-bit CMYK, one pixel a point. DeviceCMYK is taken
    /// to be FOGRA39 too, so that it goes through unchanged; perceptual intent, no black point compensation.</summary>
    private static (int Width, byte[] Cmyk) RenderCmyk(string pdf, double mediaWidth, double mediaHeight)
    {
        var raw = pdf + ".cmyk";
        PdfTools.Ok("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=bitcmyk", "-dGrayValues=256", "-r72",
            "-sOutputICCProfile=" + Fogra39, "-sDefaultCMYKProfile=" + Fogra39, "-dRenderIntent=0", "-dBlackPtComp=0",
            "-o", raw, pdf);
        var bytes = File.ReadAllBytes(raw);
        var widths = new[] { (int)Math.Floor(mediaWidth), (int)Math.Ceiling(mediaWidth) };
        var heights = new[] { (int)Math.Floor(mediaHeight), (int)Math.Ceiling(mediaHeight) };
        var width = widths.First(w => heights.Any(h => w * h * 4 == bytes.Length));
        return (width, bytes);
    }

    [Fact]
    public void PDF_X_1a_prints_RGB_image_pixels_as_Ghostscript_converts_their_sRGB_to_FOGRA39()
    {
        var patches = Patches();
        var png = PatchImage(patches);
        var rows = (patches.Count + Columns - 1) / Columns;
        var page = new Page(Columns * Patch, rows * Patch, [new ImageItem(png, 0, 0, Columns * Patch, rows * Patch)], "1");
        var document = new DisplayDocument(SampleDocuments.Info, [page], []);

        // The reference: PDF/X-4 keeps the pixels as ICCBased sRGB, and Ghostscript converts them.
        var x4 = _temp.File("x4.pdf");
        PdfWriter.Write(document, x4, new PdfWriterOptions(Profile: PdfProfile.Print));
        var x1a = _temp.File("x1a.pdf");
        PdfWriter.Write(document, x1a, new PdfWriterOptions(Profile: PdfProfile.PrintX1a));
        Assert.Contains(" cmyk ", PdfTools.Ok("pdfimages", "-list", x1a), StringComparison.Ordinal);
        Assert.Contains(" icc ", PdfTools.Ok("pdfimages", "-list", x4), StringComparison.Ordinal);

        var offset = PageGeometry.PrintMarginPoints;
        var (mediaWidth, mediaHeight) = (page.Width + (2 * offset), page.Height + (2 * offset));
        var (width, reference) = RenderCmyk(x4, mediaWidth, mediaHeight);
        var (_, ours) = RenderCmyk(x1a, mediaWidth, mediaHeight);

        var worst = 0;
        var worstPatch = "";
        var total = 0.0;
        var report = new System.Text.StringBuilder();
        for (var i = 0; i < patches.Count; i++)
        {
            var x = (int)(offset + ((i % Columns) * Patch) + (Patch / 2));
            var y = (int)(offset + ((i / Columns) * Patch) + (Patch / 2));
            var at = ((y * width) + x) * 4;
            var difference = Enumerable.Range(0, 4).Max(k => Math.Abs(reference[at + k] - ours[at + k]));
            total += difference;
            if (difference > worst)
                (worst, worstPatch) = (difference, patches[i].Name);
            if (i < 20)
                report.AppendLine(CultureInfo.InvariantCulture, $"{patches[i].Name,-16} gs {Cmyk(reference, at)}  ours {Cmyk(ours, at)}");
        }
        output.WriteLine(report.ToString());
        output.WriteLine($"{patches.Count} patches: largest difference {worst}/255 ({worst / 2.55:0.0} %) at {worstPatch}, mean {total / patches.Count:0.00}/255");

        // 3/255, about 1 % of full ink (measured: at most 1/255, mean 0.05). Interpolating the 9-point FOGRA39
        // table tetrahedrally from Lab, where Little CMS interpolates trilinearly, put the two 19/255 apart.
        Assert.True(worst <= 3, $"{worstPatch}: {worst}/255 apart from Ghostscript");
        // White paper stays unprinted, black is the profile's rich black, never empty.
        var white = ((int)(offset + (6 * Patch) + 5) + ((int)(offset + 5) * width)) * 4;
        Assert.Equal("0 0 0 0", Cmyk(ours, white));
    }

    /// <summary>The FOGRA39 profile with its B2A0 tag given the ICC v4 type signature 'mBA ' (found through the tag
    /// table, ICC.1:2010 §7.3): a profile whose table the conversion does not read.</summary>
    internal static byte[] Fogra39WithV4Table()
    {
        var icc = File.ReadAllBytes(Fogra39);
        var count = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(icc.AsSpan(128));
        var entry = Enumerable.Range(0, count).Select(i => 132 + (12 * i)).Single(e => System.Text.Encoding.ASCII.GetString(icc, e, 4) == "B2A0");
        "mBA "u8.CopyTo(icc.AsSpan(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(icc.AsSpan(entry + 4))));
        return icc;
    }

    private static string Cmyk(byte[] pixels, int at) => $"{pixels[at]} {pixels[at + 1]} {pixels[at + 2]} {pixels[at + 3]}";

    [Fact]
    public void PDF_X_1a_flattens_a_transparent_image_onto_white_paper()
    {
        var png = TestImages.Png(_temp.File("half.png"), 20, 10, SKColors.Red, transparentRight: true);
        var page = new Page(40, 20, [new ImageItem(png, 0, 0, 40, 20)], "1");
        var x1a = _temp.File("x1a.pdf");
        PdfWriter.Write(new DisplayDocument(SampleDocuments.Info, [page], []), x1a, new PdfWriterOptions(Profile: PdfProfile.PrintX1a));

        Assert.DoesNotContain("/SMask", PdfTools.Uncompressed(x1a));
        var rows = PdfTools.Ok("pdfimages", "-list", x1a).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.Equal("cmyk", Assert.Single(rows).Split(' ', StringSplitOptions.RemoveEmptyEntries)[5]);

        var offset = PageGeometry.PrintMarginPoints;
        var (width, pixels) = RenderCmyk(x1a, 40 + (2 * offset), 20 + (2 * offset));
        string At(int x, int y) => Cmyk(pixels, ((((int)offset + y) * width) + (int)offset + x) * 4);
        Assert.Equal("0 0 0 0", At(30, 10));
        var red = At(10, 10).Split(' ').Select(int.Parse).ToArray();
        Assert.True(red[1] > 200 && red[2] > 200 && red[0] < 30, $"the opaque half prints as red, not {At(10, 10)}");
    }

    [Fact]
    public void PDF_X_1a_converts_RGB_JPEGs_and_PNGs_and_builds_the_same_bytes_twice()
    {
        var jpeg = TestImages.Jpeg(_temp.File("blue.jpg"), 16, 16, new SKColor(40, 90, 200));
        var png = TestImages.Png(_temp.File("orange.png"), 16, 16, SKColors.Orange);
        var document = SampleDocuments.SinglePage(new ImageItem(jpeg, 50, 50, 40, 40), new ImageItem(png, 100, 50, 40, 40));
        var options = new PdfWriterOptions(Profile: PdfProfile.PrintX1a);
        var first = PdfWriter.WriteToBytes(document, options);
        Assert.Equal(first, PdfWriter.WriteToBytes(document, options));

        var path = _temp.File("x1a.pdf");
        File.WriteAllBytes(path, first);
        var rows = PdfTools.Ok("pdfimages", "-list", path).Split('\n').Skip(2).Where(l => l.Trim().Length > 0)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(("cmyk", "4"), (r[5], r[6])));
        var qdf = PdfTools.Uncompressed(path);
        Assert.DoesNotContain("/DeviceRGB", qdf);
        Assert.DoesNotContain("/ICCBased", qdf);
        PdfTools.Ok("qpdf", "--check", path);
    }

    [Fact]
    public void A_print_condition_whose_table_is_not_lut16_or_lut8_is_refused_naming_the_tag_type()
    {
        var icc = Fogra39WithV4Table();
        var png = TestImages.Png(_temp.File("orange.png"), 8, 8, SKColors.Orange);
        var options = new PdfWriterOptions(Profile: PdfProfile.PrintX1a, PrintIntent: new PrintOutputIntent(icc, "FOGRA39"));
        var error = Assert.Throws<PdfWriterException>(() => PdfWriter.WriteToBytes(SampleDocuments.SinglePage(new ImageItem(png, 0, 0, 10, 10)), options));
        Assert.Contains("'B2A0'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'mBA ' (lutBToAType", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("The print condition's ICC profile", error.Message, StringComparison.Ordinal);

        // The same profile is fine for PDF/X-4, which keeps RGB images and converts nothing.
        PdfWriter.WriteToBytes(SampleDocuments.SinglePage(new ImageItem(png, 0, 0, 10, 10)), options with { Profile = PdfProfile.Print });
    }
}
