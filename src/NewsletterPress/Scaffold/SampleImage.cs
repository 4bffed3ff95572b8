using SkiaSharp;

namespace NewsletterPress.Scaffold;

/// <summary>The picture a new issue's sample articles place: drawn here rather than shipped as a binary,
/// a few flat shapes in the default accent colours, the same pixels every time.</summary>
internal static class SampleImage
{
    public static void Write(string path)
    {
        const int Width = 1200, Height = 600;
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0xe8, 0xf0, 0xf5));
            using var accent = new SKPaint { Color = new SKColor(0x00, 0x59, 0x8f), IsAntialias = true };
            using var light = new SKPaint { Color = new SKColor(0x7f, 0xac, 0xc7), IsAntialias = true };
            canvas.DrawRect(0, 420, Width, 180, light);
            canvas.DrawCircle(900, 180, 110, accent);
            canvas.DrawRect(150, 250, 220, 170, accent);
            canvas.DrawRect(420, 310, 160, 110, light);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }
}
