using NewsletterPress.Display;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// Draws rules and boxes as paths (ISO 32000-1 §8.5), each inside q/Q so that line width,
/// dash and colour never leak into the next item.
/// </summary>
internal static class GraphicsPainter
{
    /// <summary>Bézier control distance for a quarter circle: 4/3·(√2−1).</summary>
    private const double Kappa = 0.5522847498;

    public static void Paint(ContentStreamBuilder content, Rule rule, double pageHeight, InkColour inks)
    {
        content.SaveState()
            .LineWidth(rule.Width)
            .LineCap(0);
        if (!rule.Dash.IsDefaultOrEmpty)
            content.Dash(rule.Dash, 0);
        content.Colour(inks.Stroke(rule.Ink))
            .MoveTo(rule.X1, pageHeight - rule.Y1)
            .LineTo(rule.X2, pageHeight - rule.Y2)
            .Stroke()
            .RestoreState();
    }

    public static void Paint(ContentStreamBuilder content, Box box, double pageHeight, InkColour inks)
    {
        var stroke = box.Stroke is not null && box.StrokeWidth > 0;
        var fill = box.Fill is not null;
        if (!stroke && !fill)
            return;

        content.SaveState();
        if (stroke)
            content.LineWidth(box.StrokeWidth).Colour(inks.Stroke(box.Stroke!));
        if (fill)
            content.Colour(inks.Fill(box.Fill!));

        var x = box.X;
        var y = pageHeight - box.Y - box.Height; // bottom edge in PDF space
        var r = Math.Min(Math.Max(box.CornerRadius, 0), Math.Min(box.Width, box.Height) / 2);
        if (r <= 0)
        {
            content.Rectangle(x, y, box.Width, box.Height);
        }
        else
        {
            double right = x + box.Width, top = y + box.Height, k = Kappa * r;
            content.MoveTo(x + r, y)
                .LineTo(right - r, y)
                .CurveTo(right - r + k, y, right, y + r - k, right, y + r)
                .LineTo(right, top - r)
                .CurveTo(right, top - r + k, right - r + k, top, right - r, top)
                .LineTo(x + r, top)
                .CurveTo(x + r - k, top, x, top - r + k, x, top - r)
                .LineTo(x, y + r)
                .CurveTo(x, y + r - k, x + r - k, y, x + r, y)
                .ClosePath();
        }

        if (stroke && fill)
            content.FillAndStroke();
        else if (fill)
            content.Fill();
        else
            content.Stroke();
        content.RestoreState();
    }
}
