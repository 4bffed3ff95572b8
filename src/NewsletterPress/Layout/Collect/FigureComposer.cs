using System.Collections.Immutable;
using NewsletterPress.Content;
using NewsletterPress.Diagnostics;
using NewsletterPress.Display;
using NewsletterPress.Text;
using SkiaSharp;

namespace NewsletterPress.Layout.Collect;

/// <summary>
/// A figure: the image scaled to its width (the column, or the share the editor asked for),
/// never enlarged past <see cref="Look.Figures.MinimumDpi"/>, the caption below it on the grid; image and
/// caption take whole grid lines and stay together.
/// </summary>
internal sealed class FigureComposer(ParagraphSetter setter, LayoutConfig config, TypeScale scale, WarningLog warnings)
{
    /// <summary>The figure at the width asked for, and, smaller, at each of <paramref name="scales"/>.</summary>
    public (List<FlowLine> Lines, List<(double Scale, List<FlowLine> Lines)> Smaller) Compose(Figure figure, double width, string lang,
        int element, int? captionElement, IReadOnlyList<double> scales)
    {
        var (pixelsWide, pixelsHigh) = PixelSize(figure);
        double w = width * (figure.Width ?? 1);
        double largest = pixelsWide / Look.Figures.MinimumDpi * 72;
        if (w > largest) w = largest;
        double h = w * pixelsHigh / pixelsWide;

        var captionLines = figure.Caption.IsEmpty ? [] : setter.Set(ArticleCollector.Runs(figure.Caption, scale.Caption),
            new ParagraphFormat(width, 0, false, lang, config.BodySize));
        // The whole page at most, less a gap under the image and the blank line above and below a figure that
        // spans the columns: an image taller than that is scaled down.
        double room = (config.LinesPerPage - captionLines.Length - 3) * config.Leading;
        if (h > room)
        {
            warnings.Add(figure.Where, WarningCode.ImageScaled, $"the image '{Path.GetFileName(figure.Path)}' is taller than a page; it was scaled down to fit");
            w *= room / h;
            h = room;
        }
        List<FlowLine> At(double s)
        {
            int imageLines = (int)Math.Ceiling((h * s + config.Leading * Look.Figures.CaptionGapLeading) / config.Leading - 1e-6);
            double top = (imageLines * config.Leading - h * s) / 2;
            var lines = new List<FlowLine>
            {
                new(imageLines, [new ImageFragment(figure.Path, (width - w * s) / 2, top, w * s, h * s) { Element = element }],
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
        var full = At(1);
        // A smaller size is worth offering only where it saves a grid line.
        var smaller = new List<(double, List<FlowLine>)>();
        foreach (var s in scales)
        {
            var lines = At(s);
            if (lines[0].Lines < (smaller.Count > 0 ? smaller[^1].Item2[0].Lines : full[0].Lines)) smaller.Add((s, lines));
        }
        return (full, smaller);
    }

    private static (int Width, int Height) PixelSize(Figure figure)
    {
        using var codec = SKCodec.Create(figure.Path);
        if (codec is null || codec.Info.Width == 0 || codec.Info.Height == 0)
            throw new InputException(figure.Where, $"the image '{Path.GetFileName(figure.Path)}' cannot be read; save it as PNG or JPEG");
        return (codec.Info.Width, codec.Info.Height);
    }
}
