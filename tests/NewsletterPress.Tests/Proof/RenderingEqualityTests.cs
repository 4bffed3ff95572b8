using NewsletterPress.Diagnostics;
using NewsletterPress.Rendering.Pdf;
using NewsletterPress.Rendering.Proof;
using NewsletterPress.Tests.Pdf;
using NewsletterPress.Tests.Support;
using SkiaSharp;

namespace NewsletterPress.Tests.Proof;

/// <summary>
/// The PDF and the proof come from one display list, so poppler's rendering of the PDF and
/// SkiaSharp's proof must agree. Two rasterisers never agree pixel for pixel: they place glyph
/// edges a fraction of a pixel apart, anti-alias and weight strokes differently, and resample
/// images their own way. So the pages (100 dpi, images left out: the PDF image tests check
/// those) are blurred 5 × 5 and compared by normalised cross-correlation, which ignores a
/// uniform difference in stroke weight. Measured here, the two rasterisers decorrelate by
/// 2–3.5 %; every glyph off by one (the CID trap of architecture.md) by about 17 %. The
/// threshold of 6 % sits between, with the negative control asserting twice that.
/// </summary>
public class RenderingEqualityTests
{
    private const double Threshold = 0.06;
    private const int Dpi = 100;

    public static TheoryData<string> Issues() => new() { "issues/vol-11", "samples/figures-and-tables" };

    [Theory]
    [MemberData(nameof(Issues))]
    public void Poppler_rendering_of_the_pdf_and_the_skia_proof_agree(string issue)
    {
        var (_, document) = IssueBuild.Compose(Repo.Path(issue), new WarningLog());
        var folder = Path.Combine(Path.GetTempPath(), "np-equal-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var pdf = Path.Combine(folder, "x.pdf");
            PdfWriter.Write(document, pdf);
            var poppler = PdfRasterizer.Render(pdf, Path.Combine(folder, "poppler"), Dpi);
            using var renderer = new ProofRenderer(Dpi);
            for (int p = 0; p < document.Pages.Length; p++)
            {
                using var proof = renderer.Render(document.Pages[p]);
                using var reference = SKBitmap.Decode(poppler[p]);
                double share = DifferingShare(Grey(reference), Grey(proof), Math.Min(reference.Width, proof.Width),
                    Math.Min(reference.Height, proof.Height), ImageAreas(document.Pages[p]));
                Assert.True(share < Threshold, $"{issue} page {p + 1}: the renderings decorrelate by {share:P2} (limit {Threshold:P1})");
            }
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public void The_comparison_notices_glyphs_drawn_with_the_wrong_ids()
    {
        // The bug this guards against (architecture.md's CID trap): every glyph off by one.
        var (_, document) = IssueBuild.Compose(Repo.Vol11, new WarningLog());
        var page = document.Pages[2];
        var wrong = page with
        {
            Items = [.. page.Items.Select(item => item is NewsletterPress.Display.GlyphRun r
                ? r with { Glyphs = [.. r.Glyphs.Select(g => g with { GlyphId = g.GlyphId + 1 })] } : item)],
        };
        using var renderer = new ProofRenderer(Dpi);
        using var a = renderer.Render(page);
        using var b = renderer.Render(wrong);
        double share = DifferingShare(Grey(a), Grey(b), a.Width, a.Height, []);
        Assert.True(share > 2 * Threshold, $"{share:P3}");
    }

    /// <summary>Images are resampled differently by each rasteriser; their pixels are checked by the PDF image tests.</summary>
    private static List<SKRect> ImageAreas(NewsletterPress.Display.Page page) =>
        [.. page.Items.OfType<NewsletterPress.Display.ImageItem>().Select(i =>
            SKRect.Create((float)(i.X * Dpi / 72), (float)(i.Y * Dpi / 72), (float)(i.Width * Dpi / 72), (float)(i.Height * Dpi / 72)))];

    private static float[,] Grey(SKBitmap bitmap)
    {
        var grey = new float[bitmap.Width, bitmap.Height];
        for (int y = 0; y < bitmap.Height; y++)
            for (int x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                grey[x, y] = (c.Red * 0.299f + c.Green * 0.587f + c.Blue * 0.114f) / 255f;
            }
        return grey;
    }

    /// <summary>1 − the normalised cross-correlation of the two pages' darkness, outside images:
    /// 0 for the same drawing, growing as shapes differ; a uniform difference in stroke weight
    /// or a slight blur hardly moves it.</summary>
    private static double DifferingShare(float[,] a, float[,] b, int width, int height, List<SKRect> skip)
    {
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        long n = 0;
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                if (skip.Count > 0 && skip.Any(r => r.Contains(x, y))) continue;
                double u = 1 - Blur(a, x, y, width, height), v = 1 - Blur(b, x, y, width, height);
                sa += u; sb += v; saa += u * u; sbb += v * v; sab += u * v;
                n++;
            }
        double cov = sab - sa * sb / n, va = saa - sa * sa / n, vb = sbb - sb * sb / n;
        return va <= 0 || vb <= 0 ? (va == vb ? 0 : 1) : 1 - cov / Math.Sqrt(va * vb);
    }

    /// <summary>A 5 × 5 box blur: rasterisers place glyph edges a fraction of a pixel apart.</summary>
    private static float Blur(float[,] g, int x, int y, int width, int height)
    {
        float sum = 0;
        int count = 0;
        for (int dy = -2; dy <= 2; dy++)
            for (int dx = -2; dx <= 2; dx++)
            {
                int xx = x + dx, yy = y + dy;
                if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue;
                sum += g[xx, yy];
                count++;
            }
        return sum / count;
    }
}
