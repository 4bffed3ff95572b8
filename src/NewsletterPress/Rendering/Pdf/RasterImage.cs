using SkiaSharp;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// An image decoded to 8-bit samples ready for an image XObject (ISO 32000-1 §8.9.5):
/// gray (1 component) or RGB (3), or CMYK (4) once converted for print, with a separate 8-bit
/// alpha plane when any pixel is not opaque (written as a soft mask, §11.6.5.3). SkiaSharp decodes (PNG, JPEG, WebP, GIF, BMP…)
/// and resamples; nothing here is hand-written image decoding.
/// </summary>
internal sealed record RasterImage(int Width, int Height, int Components, byte[] Samples, byte[]? Alpha)
{
    /// <summary>Decodes <paramref name="bytes"/>, scaled down to <paramref name="width"/> × <paramref name="height"/>
    /// with cubic (Mitchell) resampling when those are smaller than the image. A JPEG is first decoded
    /// at the smallest of 1/8, 1/4 or 1/2 of its size that still covers the target (libjpeg's DCT
    /// scaling), so a large photograph never needs its full-size pixels in memory. <paramref name="asSrgb"/>:
    /// convert from the image's embedded ICC profile, if it has one, into sRGB (skcms inside SkiaSharp);
    /// otherwise the samples are kept as stored.</summary>
    public static RasterImage Decode(byte[] bytes, string path, int? width = null, int? height = null, bool asSrgb = false)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data)
            ?? throw new PdfWriterException($"Could not read image '{path}': not an image format SkiaSharp can decode.") { File = path };
        var size = new SKSizeI(codec.Info.Width, codec.Info.Height);
        if ((long)size.Width * size.Height > Files.ImageFiles.MaxPixels)
            throw new PdfWriterException($"Image '{path}' has {size.Width} × {size.Height} pixels, more than the {Files.ImageFiles.MaxPixels / 1_000_000} megapixels an image may have.") { File = path };
        var resize = width is { } w && height is { } h && (w < size.Width || h < size.Height);
        var decodeSize = size;
        if (resize && codec.EncodedFormat == SKEncodedImageFormat.Jpeg)
            foreach (var scale in new[] { 0.125f, 0.25f, 0.5f })
            {
                var scaled = codec.GetScaledDimensions(scale);
                if (scaled.Width >= width && scaled.Height >= height) { decodeSize = scaled; break; }
            }
        // Resample premultiplied (no dark fringes at transparent edges), then read back unpremultiplied.
        var colourSpace = asSrgb ? SKColorSpace.CreateSrgb() : null;
        var decodeInfo = new SKImageInfo(decodeSize.Width, decodeSize.Height, SKColorType.Rgba8888, resize ? SKAlphaType.Premul : SKAlphaType.Unpremul, colourSpace);
        using var decoded = new SKBitmap(decodeInfo);
        if (decoded.GetPixels() == IntPtr.Zero)
            throw new PdfWriterException($"Could not decode image '{path}': there is not enough memory for its {decodeSize.Width} × {decodeSize.Height} pixels.") { File = path };
        var result = codec.GetPixels(decodeInfo, decoded.GetPixels());
        if (result != SKCodecResult.Success)
            throw new PdfWriterException($"Could not read image '{path}': the image data is damaged ({result}).") { File = path };
        if (!resize)
            return FromRgba(decoded.GetPixelSpan(), decoded.Width, decoded.Height);
        using var resized = decodeSize.Width == width && decodeSize.Height == height ? decoded.Copy()
            : decoded.Resize(new SKImageInfo(width!.Value, height!.Value, SKColorType.Rgba8888, SKAlphaType.Premul, colourSpace),
                new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw new PdfWriterException($"Could not resample image '{path}'.") { File = path };
        using var unpremultiplied = Unpremultiplied(resized);
        return FromRgba(unpremultiplied.GetPixelSpan(), unpremultiplied.Width, unpremultiplied.Height);
    }

    private static SKBitmap Unpremultiplied(SKBitmap bitmap)
    {
        var target = new SKBitmap(new SKImageInfo(bitmap.Width, bitmap.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul, bitmap.ColorSpace));
        using var from = bitmap.PeekPixels();
        using var to = target.PeekPixels();
        if (!from.ReadPixels(to))
        {
            target.Dispose();
            throw new InvalidOperationException("Could not convert the image to unpremultiplied alpha.");
        }
        return target;
    }

    /// <summary>Gray when every pixel has R = G = B; an alpha plane only when some pixel is not opaque.</summary>
    private static RasterImage FromRgba(ReadOnlySpan<byte> rgba, int width, int height)
    {
        var pixels = width * height;
        bool gray = true, opaque = true;
        for (var p = 0; p < pixels && (gray || opaque); p++)
        {
            var o = p * 4;
            gray &= rgba[o] == rgba[o + 1] && rgba[o] == rgba[o + 2];
            opaque &= rgba[o + 3] == 255;
        }
        var components = gray ? 1 : 3;
        var samples = new byte[pixels * components];
        var alpha = opaque ? null : new byte[pixels];
        for (var p = 0; p < pixels; p++)
        {
            var o = p * 4;
            if (gray)
            {
                samples[p] = rgba[o];
            }
            else
            {
                samples[p * 3] = rgba[o];
                samples[(p * 3) + 1] = rgba[o + 1];
                samples[(p * 3) + 2] = rgba[o + 2];
            }
            if (alpha is not null)
                alpha[p] = rgba[o + 3];
        }
        return new RasterImage(width, height, components, samples, alpha);
    }

    /// <summary>The image composited onto white paper and opaque: what PDF/X-1a, which has no transparency
    /// (ISO 15930-1 §6.3.4), prints where the image lies on unprinted paper. Each sample becomes
    /// s·α + 255·(1 − α), rounded.</summary>
    public RasterImage OntoWhite()
    {
        if (Alpha is not { } alpha)
            return this;
        var samples = new byte[Samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            var a = alpha[i / Components];
            samples[i] = (byte)(((Samples[i] * a) + (255 * (255 - a)) + 127) / 255);
        }
        return this with { Samples = samples, Alpha = null };
    }

    /// <summary>RGB samples converted to CMYK (gray and CMYK images are returned as they are).</summary>
    public RasterImage ToCmyk(IccTransform transform)
    {
        if (Components != 3)
            return this;
        var cmyk = new byte[Width * Height * 4];
        transform.Convert(Samples, cmyk);
        return this with { Components = 4, Samples = cmyk };
    }

    /// <summary>Re-encodes as a baseline JPEG (for downsampled photographs, which Flate compresses badly).</summary>
    public byte[] ToJpeg(int quality)
    {
        var info = new SKImageInfo(Width, Height, Components == 1 ? SKColorType.Gray8 : SKColorType.Rgb888x, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        var pixels = bitmap.GetPixelSpan();
        for (var p = 0; p < Width * Height; p++)
        {
            if (Components == 1)
            {
                pixels[p] = Samples[p];
            }
            else
            {
                pixels[p * 4] = Samples[p * 3];
                pixels[(p * 4) + 1] = Samples[(p * 3) + 1];
                pixels[(p * 4) + 2] = Samples[(p * 3) + 2];
                pixels[(p * 4) + 3] = 255;
            }
        }
        using var pixmap = bitmap.PeekPixels();
        using var encoded = pixmap.Encode(new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
            ?? throw new InvalidOperationException("SkiaSharp could not encode a JPEG.");
        return encoded.ToArray();
    }
}
