using System.Collections.Immutable;
using NewsletterPress.Content;
using NewsletterPress.Diagnostics;
using NewsletterPress.Display;
using NewsletterPress.Text;
using SkiaSharp;

namespace NewsletterPress.Layout;

/// <summary>
/// A figure: the image scaled to its width (the column, or the share the editor asked for),
/// never enlarged past <see cref="MinimumDpi"/>, the caption below it on the grid; image and
/// caption take whole grid lines and stay together.
/// </summary>
internal sealed class FigureComposer(ParagraphSetter setter, LayoutConfig config, TypeScale scale, WarningLog warnings)
{
    /// <summary>Below this effective resolution a photo looks soft in print, so we do not enlarge further.</summary>
    public const double MinimumDpi = 150;

    public List<FlowLine> Compose(Figure figure, double width, string lang, int element, int? captionElement)
    {
        var (pixelsWide, pixelsHigh) = PixelSize(figure);
        double w = width * (figure.Width ?? 1);
        double largest = pixelsWide / MinimumDpi * 72;
        if (w > largest) w = largest;
        double h = w * pixelsHigh / pixelsWide;

        var captionLines = figure.Caption.IsEmpty ? [] : setter.Set(BlockComposer.Runs(figure.Caption, scale.Caption, lang),
            new ParagraphFormat(width, 0, false, lang, config.BodySize));
        // The whole page at most, less a gap under the image and the blank line above and below a figure that
        // spans the columns: an image taller than that is scaled down.
        double room = (config.LinesPerPage - captionLines.Length - 3) * config.Leading;
        if (h > room)
        {
            warnings.Add(figure.Where, $"the image '{Path.GetFileName(figure.Path)}' is taller than a page; it was scaled down to fit");
            w *= room / h;
            h = room;
        }
        int imageLines = (int)Math.Ceiling((h + config.Leading * 0.5) / config.Leading - 1e-6);
        double top = (imageLines * config.Leading - h) / 2;
        var lines = new List<FlowLine>
        {
            new(imageLines, [new ImageFragment(figure.Path, (width - w) / 2, top, w, h) { Element = element }],
                captionLines.Length > 0 ? Keep.WithNext : Keep.None),
        };
        for (int i = 0; i < captionLines.Length; i++)
        {
            double x = (width - captionLines[i].NaturalWidth) / 2;
            lines.Add(new FlowLine(1, [new TextFragment(captionLines[i], Math.Max(0, x), config.BaselineOffset) { Element = captionElement }],
                i < captionLines.Length - 1 ? Keep.WithNext : Keep.None));
        }
        return lines;
    }

    private static (int Width, int Height) PixelSize(Figure figure)
    {
        using var codec = SKCodec.Create(figure.Path);
        if (codec is null || codec.Info.Width == 0 || codec.Info.Height == 0)
            throw new InputException(figure.Where, $"the image '{Path.GetFileName(figure.Path)}' cannot be read; save it as PNG or JPEG");
        return (codec.Info.Width, codec.Info.Height);
    }
}
