using SkiaSharp;

namespace NewsletterPress.Tests.Pdf;

/// <summary>Small images made with SkiaSharp in the test's temporary folder.</summary>
internal static class TestImages
{
    /// <summary>A solid RGB PNG; with <paramref name="transparentRight"/> its right half is fully transparent.</summary>
    public static string Png(string path, int width, int height, SKColor colour, bool transparentRight = false)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
                bitmap.SetPixel(x, y, transparentRight && x >= width / 2 ? SKColors.Transparent : colour);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }

    /// <summary>A solid-colour RGB JPEG.</summary>
    public static string Jpeg(string path, int width, int height, SKColor colour)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        bitmap.Erase(colour);
        using var pixmap = bitmap.PeekPixels();
        using var data = pixmap.Encode(new SKJpegEncoderOptions(95, SKJpegEncoderDownsample.Downsample444, SKJpegEncoderAlphaOption.Ignore))
            ?? throw new InvalidOperationException("SkiaSharp could not encode a JPEG.");
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }

    /// <summary>A gray PNG (every pixel R = G = B).</summary>
    public static string GrayPng(string path, int width, int height, byte level) =>
        Png(path, width, height, new SKColor(level, level, level));
}
