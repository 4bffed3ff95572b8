using SkiaSharp;

namespace NewsletterPress.Rendering.Proof;

/// <summary>All pages of a build side by side on one image, as a designer lays out proofs on a table.</summary>
public static class ContactSheet
{
    public static void Write(IReadOnlyList<string> pagePaths, string path, int columns = 4, int thumbnailWidth = 300)
    {
        if (pagePaths.Count == 0) return;
        using var first = SKBitmap.Decode(pagePaths[0]);
        int thumbHeight = (int)Math.Round(first.Height * (double)thumbnailWidth / first.Width);
        const int gap = 16;
        int cols = Math.Min(columns, pagePaths.Count), rows = (pagePaths.Count + cols - 1) / cols;
        using var sheet = new SKBitmap(gap + cols * (thumbnailWidth + gap), gap + rows * (thumbHeight + gap));
        using var canvas = new SKCanvas(sheet);
        canvas.Clear(new SKColor(0xDD, 0xDD, 0xDD));
        using var border = new SKPaint { Color = SKColors.Gray, Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        var sampling = new SKSamplingOptions(SKCubicResampler.Mitchell);
        for (int i = 0; i < pagePaths.Count; i++)
        {
            using var page = SKBitmap.Decode(pagePaths[i]);
            using var image = SKImage.FromBitmap(page);
            var rect = SKRect.Create(gap + i % cols * (thumbnailWidth + gap), gap + i / cols * (thumbHeight + gap), thumbnailWidth, thumbHeight);
            canvas.DrawImage(image, rect, sampling);
            canvas.DrawRect(rect, border);
        }
        ProofRenderer.SaveAtomically(sheet, path);
    }
}
