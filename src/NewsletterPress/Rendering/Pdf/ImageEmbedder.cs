using System.Security.Cryptography;
using NewsletterPress.Display;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// Embeds every image of the document once as an image XObject (ISO 32000-1 §8.9.5), keyed
/// by a hash of the file's bytes, so that a picture used on several pages is stored once.
/// JPEGs go through untouched as /DCTDecode (§7.4.8); everything else is decoded with
/// SkiaSharp and written Flate-compressed, gray or RGB, 8 bits, alpha as a soft mask
/// (§11.6.5.3). An image is resampled only when its largest placement would still get more
/// than the maximum resolution. PDF/X-1a (ISO 15930-1 §6.2.3, §6.3.4) takes no RGB and no
/// transparency: there an image with alpha is flattened onto white, as on the paper it is printed
/// on, and RGB pixels are converted into the printing condition's CMYK (<see cref="ColourSpaces.RgbToCmyk"/>).
/// </summary>
internal sealed class ImageEmbedder
{
    /// <summary>Quality of JPEGs re-encoded after downsampling.</summary>
    private const int JpegQuality = 90;

    private readonly Dictionary<string, PlacedImage> _byPath = [];

    /// <summary>A written image: its resource name (Im1, Im2… in order of first use) and object.</summary>
    public sealed record PlacedImage(string ResourceName, PdfRef Reference);

    private sealed class Source(string path, byte[] bytes)
    {
        public string Path { get; } = path;
        public byte[] Bytes { get; } = bytes;
        /// <summary>The largest placed size, in points, that the pixels must cover.</summary>
        public double MaxWidth { get; set; }
        public double MaxHeight { get; set; }
    }

    private ImageEmbedder() { }

    public PlacedImage this[ImageItem image] => _byPath[System.IO.Path.GetFullPath(image.Path)];

    public static ImageEmbedder Embed(PdfObjectWriter writer, DisplayDocument document, ProfileRules rules,
        ColourSpaces spaces, double maxDpi)
    {
        var embedder = new ImageEmbedder();
        var sources = new List<Source>();
        var byHash = new Dictionary<string, Source>(StringComparer.Ordinal);
        var sourceOfPath = new Dictionary<string, Source>(StringComparer.Ordinal);
        foreach (var image in document.Pages.SelectMany(p => p.Items).OfType<ImageItem>())
        {
            var path = System.IO.Path.GetFullPath(image.Path);
            if (image.Width <= 0 || image.Height <= 0)
                throw new PdfWriterException($"Image '{path}' is placed at size {image.Width} × {image.Height}; both must be positive.");
            if (!sourceOfPath.TryGetValue(path, out var source))
            {
                var bytes = ReadFile(path);
                var key = Convert.ToHexString(SHA256.HashData(bytes));
                if (!byHash.TryGetValue(key, out source))
                {
                    source = new Source(path, bytes);
                    byHash.Add(key, source);
                    sources.Add(source);
                }
                sourceOfPath.Add(path, source);
            }
            source.MaxWidth = Math.Max(source.MaxWidth, image.Width);
            source.MaxHeight = Math.Max(source.MaxHeight, image.Height);
        }

        var written = new Dictionary<Source, PlacedImage>();
        foreach (var source in sources)
        {
            var reference = writer.Allocate();
            Write(writer, reference, source, rules, spaces, maxDpi);
            written.Add(source, new PlacedImage("Im" + (written.Count + 1), reference));
        }
        foreach (var (path, source) in sourceOfPath)
            embedder._byPath.Add(path, written[source]);
        return embedder;
    }

    private static byte[] ReadFile(string path)
    {
        try
        {
            return Files.InputFiles.Read(path, Files.FileRule.Image, Diagnostics.SourcePosition.WholeFile(path), System.IO.Path.GetFileName(path));
        }
        catch (Diagnostics.InputException ex)
        {
            throw new PdfWriterException($"Could not read image '{path}': {ex.Message}", ex) { File = path };
        }
    }

    private static void Write(PdfObjectWriter writer, PdfRef reference, Source source, ProfileRules rules,
        ColourSpaces spaces, double maxDpi)
    {
        var jpeg = JpegHeader.Read(source.Bytes);
        var pixelSize = jpeg is not null ? (jpeg.Width, jpeg.Height) : PixelSize(source);
        var target = TargetSize(pixelSize, source, maxDpi);
        var downsample = target != pixelSize;

        // Pass through: a JPEG the reader can decode itself, at a resolution we keep, in a colour
        // space the profile allows (CMYK JPEGs are kept at full size: resampling them would
        // go through RGB, and print wants the CMYK data as made).
        if (jpeg is { CanPassThrough: true } && (!downsample || jpeg.Components == 4)
            && (jpeg.Components != 4 || rules.AllowsDeviceCmyk) && (jpeg.Components != 3 || rules.AllowsRgb))
        {
            CheckWhole(source);
            var xObject = new ImageXObject(jpeg.Width, jpeg.Height)
                .BitsPerComponent(8)
                .Filter(StreamFilter.DCTDecode);
            SetColourSpace(xObject, jpeg.Components, rules, spaces);
            if (jpeg.IsInvertedCmyk)
                xObject.Decode(PdfArray.Of(1, 0, 1, 0, 1, 0, 1, 0));
            writer.WriteEncodedStream(reference, xObject.Dictionary, source.Bytes);
            return;
        }

        // For PDF/X-1a the pixels are taken into sRGB as they are decoded (an embedded ICC profile is
        // honoured by SkiaSharp), since sRGB is what the conversion to CMYK starts from.
        var raster = RasterImage.Decode(source.Bytes, source.Path, target.Width, target.Height, asSrgb: !rules.AllowsRgb);
        if (!rules.AllowsTransparency)
            raster = raster.OntoWhite();
        if (raster.Components == 3 && !rules.AllowsRgb)
            raster = raster.ToCmyk(spaces.RgbToCmyk);
        var image = new ImageXObject(raster.Width, raster.Height).BitsPerComponent(8);
        SetColourSpace(image, raster.Components, rules, spaces);
        if (raster.Alpha is { } alpha)
        {
            var maskRef = writer.Allocate();
            var mask = new ImageXObject(raster.Width, raster.Height).ColorSpace(DeviceColourSpace.DeviceGray).BitsPerComponent(8);
            writer.WriteStream(maskRef, mask.Dictionary, alpha, compress: true);
            image.SMask(maskRef);
        }
        if (jpeg is not null && raster.Alpha is null && raster.Components != 4)
        {
            // A photograph that was downsampled (or cannot pass through): JPEG again. (SkiaSharp
            // encodes no CMYK JPEG, so a photograph converted for PDF/X-1a is Flate-compressed.)
            image.Filter(StreamFilter.DCTDecode);
            writer.WriteEncodedStream(reference, image.Dictionary, raster.ToJpeg(JpegQuality));
        }
        else
        {
            writer.WriteStream(reference, image.Dictionary, raster.Samples, compress: true);
        }
    }

    /// <summary>The smallest pixel size that still gives every placement at most <paramref name="maxDpi"/>
    /// (the largest placement decides); the image's own size when it has fewer pixels than that.</summary>
    private static (int Width, int Height) TargetSize((int Width, int Height) pixels, Source source, double maxDpi)
    {
        if (maxDpi <= 0)
            return pixels;
        var scale = Math.Max(maxDpi * source.MaxWidth / 72.0 / pixels.Width, maxDpi * source.MaxHeight / 72.0 / pixels.Height);
        if (scale >= 1)
            return pixels;
        return (Math.Max(1, (int)Math.Ceiling(pixels.Width * scale)), Math.Max(1, (int)Math.Ceiling(pixels.Height * scale)));
    }

    /// <summary>A JPEG goes into the PDF as it is, so it must be whole: a truncated one would be a
    /// stream that readers (and qpdf --check) cannot decode.</summary>
    private static void CheckWhole(Source source)
    {
        using var data = SkiaSharp.SKData.CreateCopy(source.Bytes);
        using var codec = SkiaSharp.SKCodec.Create(data);
        if ((codec is null ? "SkiaSharp cannot read it" : Files.ImageFiles.Damage(codec)) is { } damage)
            throw new PdfWriterException($"Image '{source.Path}' is damaged: {damage}.") { File = source.Path };
    }

    private static (int Width, int Height) PixelSize(Source source)
    {
        using var data = SkiaSharp.SKData.CreateCopy(source.Bytes);
        using var codec = SkiaSharp.SKCodec.Create(data)
            ?? throw new PdfWriterException($"Could not read image '{source.Path}': not an image format SkiaSharp can decode.") { File = source.Path };
        return (codec.Info.Width, codec.Info.Height);
    }

    private static void SetColourSpace(ImageXObject image, int components, ProfileRules rules, ColourSpaces spaces)
    {
        switch (components)
        {
            case 1:
                image.ColorSpace(DeviceColourSpace.DeviceGray);
                break;
            case 3 when rules.RgbAsIccBased:
                image.ColorSpace(spaces.Srgb);
                break;
            case 3:
                image.ColorSpace(DeviceColourSpace.DeviceRGB);
                break;
            default:
                image.ColorSpace(DeviceColourSpace.DeviceCMYK);
                break;
        }
    }
}
