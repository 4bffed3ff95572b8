using NewsletterPress.Diagnostics;
using SkiaSharp;

namespace NewsletterPress.Files;

/// <summary>
/// Images are checked before anything decodes them whole: the header's size against a pixel
/// budget (a 100-byte PNG may claim 100,000 × 100,000 pixels), then every byte of the image
/// data, so that a truncated or damaged file is an error at the line that placed it instead of
/// half a picture or a broken stream in the PDF. SkiaSharp does the decoding.
/// </summary>
public static class ImageFiles
{
    /// <summary>The most pixels an image may have: decoded at 4 bytes a pixel that is 160 MB, and a
    /// full A4 page at 350 dpi needs only 12 megapixels.</summary>
    public const long MaxPixels = 40_000_000;

    /// <summary>Checks the image at <paramref name="path"/> as placed at <paramref name="where"/>; returns its size in pixels.</summary>
    public static (int Width, int Height) CheckDecodes(string path, SourcePosition where, string shown)
    {
        var name = Path.GetFileName(shown);
        using var codec = SKCodec.Create(path)
            ?? throw new InputException(where, $"the image '{name}' cannot be read; save it as PNG or JPEG");
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0)
            throw new InputException(where, $"the image '{name}' cannot be read; save it as PNG or JPEG");
        if ((long)width * height > MaxPixels)
            throw new InputException(where,
                $"the image '{name}' is {width} × {height} pixels ({(long)width * height / 1e6:0.#} megapixels), more than the " +
                $"{MaxPixels / 1_000_000} megapixels an image may have; export it smaller (a full A4 page at 350 dpi needs 12)");
        if (Damage(codec) is { } damage)
            throw new InputException(where, $"the image '{name}' is damaged: {damage}; export it again");
        return (width, height);
    }

    /// <summary>Decodes every byte of the image data; null when all of it decodes, else what is wrong.
    /// A JPEG is decoded at an eighth of its size, line by line (its entropy-coded data is read all
    /// the same); other formats are decoded whole, within the pixel budget.</summary>
    public static string? Damage(SKCodec codec)
    {
        if (codec.EncodedFormat == SKEncodedImageFormat.Jpeg)
        {
            var size = codec.GetScaledDimensions(0.125f);
            var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
            if (codec.StartScanlineDecode(info) == SKCodecResult.Success)
            {
                var row = System.Runtime.InteropServices.Marshal.AllocHGlobal(info.RowBytes);
                try
                {
                    int lines = 0;
                    for (int y = 0; y < info.Height; y++)
                        lines += codec.GetScanlines(row, 1, info.RowBytes);
                    return lines == info.Height ? null : "its data ends early (the file is cut short)";
                }
                finally
                {
                    System.Runtime.InteropServices.Marshal.FreeHGlobal(row);
                }
            }
        }
        using var bitmap = new SKBitmap(new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (bitmap.GetPixels() == IntPtr.Zero) return "it is too large to decode";
        return codec.GetPixels(bitmap.Info, bitmap.GetPixels()) switch
        {
            SKCodecResult.Success => null,
            SKCodecResult.IncompleteInput => "its data ends early (the file is cut short)",
            var other => $"its data cannot be decoded ({other})",
        };
    }
}
