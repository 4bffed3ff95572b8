using System.Globalization;
using NewsletterPress.Display;
using NewsletterPress.Shared;
using SkiaSharp;

namespace NewsletterPress.Rendering.Proof;

/// <summary>
/// Rasterises pages of the display list with SkiaSharp: the same primitives the PDF writer
/// gets, so a proof shows what the PDF will show without a PDF viewer.
/// </summary>
public sealed class ProofRenderer(double dpi = 100) : IDisposable
{
    /// <summary>The resolutions a proof may have: an A4 page at 400 dpi is 62 MB of pixels, and the contact
    /// sheet reads every page back; at 600 dpi a six-page proof already needs more than 500 MB.</summary>
    public const int MinDpi = 10, MaxDpi = 400;

    private readonly Dictionary<FontRef, SKTypeface> _typefaces = [];
    private readonly Dictionary<string, SKImage> _images = new(StringComparer.Ordinal);
    private float Scale => (float)(dpi / 72.0);

    public SKBitmap Render(Page page)
    {
        int width = (int)Math.Ceiling(page.Width * Scale), height = (int)Math.Ceiling(page.Height * Scale);
        var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        canvas.Scale(Scale);
        foreach (var item in page.Items) Draw(canvas, item);
        return bitmap;
    }

    /// <summary>Writes page-001.png, page-002.png … into <paramref name="folder"/>; returns the paths.</summary>
    public IReadOnlyList<string> RenderAll(DisplayDocument document, string folder)
    {
        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        foreach (var (page, index) in document.Pages.Select((p, i) => (p, i)))
        {
            using var bitmap = Render(page);
            var path = Path.Combine(folder, PageFileName(index + 1));
            SaveAtomically(bitmap, path);
            paths.Add(path);
        }
        return paths;
    }

    public static string PageFileName(int number) => $"page-{number.ToString("000", CultureInfo.InvariantCulture)}.png";

    /// <summary>Encodes in memory, then writes a temporary file and renames it into place. Encoding
    /// straight into a file stream would run our IO inside a SkiaSharp callback, where a full disk
    /// aborts the process instead of raising an error.</summary>
    internal static void SaveAtomically(SKBitmap bitmap, string path)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException($"SkiaSharp could not encode {path} as PNG");
        var temp = Files.TemporaryFiles.For(path);
        try
        {
            Files.TemporaryFiles.RemoveStale(path);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                data.SaveTo(stream);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw new Diagnostics.InputException(Diagnostics.SourcePosition.Named(Diagnostics.SourcePosition.DisplayPath(path)),
                $"cannot write the proof: {e.Message}");
        }
    }

    private void Draw(SKCanvas canvas, DisplayItem item)
    {
        switch (item)
        {
            case GlyphRun run: DrawRun(canvas, run); break;
            case Rule rule:
                using (var paint = Stroke(rule.Ink, rule.Width))
                    canvas.DrawLine((float)rule.X1, (float)rule.Y1, (float)rule.X2, (float)rule.Y2, paint);
                break;
            case ImageItem image:
                canvas.DrawImage(Image(image), SKRect.Create((float)image.X, (float)image.Y, (float)image.Width, (float)image.Height),
                    new SKSamplingOptions(SKCubicResampler.Mitchell));
                break;
            case Box box:
                var rect = SKRect.Create((float)box.X, (float)box.Y, (float)box.Width, (float)box.Height);
                var radius = (float)box.CornerRadius;
                if (box.Fill is { } fill)
                    using (var paint = new SKPaint { Color = Colour(fill), IsAntialias = true })
                        canvas.DrawRoundRect(rect, radius, radius, paint);
                if (box.Stroke is { } stroke)
                    using (var paint = Stroke(stroke, box.StrokeWidth))
                        canvas.DrawRoundRect(rect, radius, radius, paint);
                break;
        }
    }

    private void DrawRun(SKCanvas canvas, GlyphRun run)
    {
        if (run.Glyphs.IsEmpty) return;
        // No hinting and linear metrics: glyphs exactly where the display list puts them, as in the PDF.
        using var font = new SKFont(Typeface(run.Font), (float)run.Size)
        {
            Subpixel = true, Edging = SKFontEdging.Antialias, Hinting = SKFontHinting.None, LinearMetrics = true,
        };
        using var builder = new SKTextBlobBuilder();
        var buffer = builder.AllocatePositionedRun(font, run.Glyphs.Length);
        var glyphs = buffer.Glyphs;
        var positions = buffer.Positions;
        for (int i = 0; i < run.Glyphs.Length; i++)
        {
            var g = run.Glyphs[i];
            glyphs[i] = (ushort)g.GlyphId;
            positions[i] = new SKPoint((float)g.X, (float)g.Y);
        }
        using var blob = builder.Build();
        using var paint = new SKPaint { Color = Colour(run.Ink), IsAntialias = true };
        if (blob is not null) canvas.DrawText(blob, (float)run.X, (float)run.Y, paint);
    }

    private SKTypeface Typeface(FontRef font)
    {
        if (!_typefaces.TryGetValue(font, out var typeface))
        {
            typeface = SKTypeface.FromFile(font.FilePath, font.FaceIndex)
                ?? throw new InvalidDataException($"SkiaSharp cannot read the font {font.FilePath}");
            _typefaces.Add(font, typeface);
        }
        return typeface;
    }

    /// <summary>The image at no more pixels than the proof shows it with (the first placement decides),
    /// so a large photograph does not stay in memory at full size.</summary>
    private SKImage Image(ImageItem item)
    {
        if (!_images.TryGetValue(item.Path, out var image))
        {
            using var bitmap = SKBitmap.Decode(item.Path) ?? throw new InvalidDataException($"SkiaSharp cannot decode the image {item.Path}");
            int width = Math.Max(1, (int)Math.Ceiling(item.Width * Scale)), height = Math.Max(1, (int)Math.Ceiling(item.Height * Scale));
            using var shown = width < bitmap.Width && height < bitmap.Height
                ? bitmap.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKCubicResampler.Mitchell)) ?? bitmap.Copy()
                : bitmap.Copy();
            image = SKImage.FromBitmap(shown);
            _images.Add(item.Path, image);
        }
        return image;
    }

    private static SKPaint Stroke(Ink ink, double width) =>
        new() { Color = Colour(ink), StrokeWidth = (float)width, Style = SKPaintStyle.Stroke, IsAntialias = true };

    /// <summary>The screen colour of an ink (<see cref="Ink.ScreenHex"/>: its RGB alternate, else a plain CMYK → RGB
    /// conversion).</summary>
    internal static SKColor Colour(Ink ink) => SKColor.Parse(ink.ScreenHex);

    public void Dispose()
    {
        foreach (var t in _typefaces.Values) t.Dispose();
        foreach (var i in _images.Values) i.Dispose();
    }
}
