using NewsletterPress.Display;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// Japanese-style crop marks (トンボ, JIS Z 8305 practice) drawn outside the trim in the
/// registration colour (ISO 32000-1 §8.6.6.4, /Separation /All) so they print on every plate.
/// Corner marks (角トンボ) are double: the inner line continues the trim edge, the outer line
/// the bleed edge, both starting at the bleed and running outward, so the outer pair forms an L
/// at the bleed corner. Centre marks (センタートンボ) are a cross at the middle of each side.
/// ISO 15930-7 §6.2.2: marks lie outside the TrimBox (here: outside the BleedBox too).
/// </summary>
internal static class CropMarks
{
    /// <summary>10 mm marks.</summary>
    public const double Length = 10 * Shared.Length.PointsPerMillimetre;

    /// <summary>0.1 mm, the customary hairline of trim marks.</summary>
    public const double LineWidth = 0.3;

    public static void Paint(ContentStreamBuilder content, Page page, PageGeometry geometry, InkColour inks)
    {
        double o = geometry.Offset, b = geometry.Bleed, l = Length;
        double left = o, bottom = o, right = o + page.Width, top = o + page.Height;
        content.SaveState().LineWidth(LineWidth).LineCap(0).Colour(inks.Registration(stroke: true));

        foreach (var (tx, sx) in new[] { (left, -1.0), (right, 1.0) })
        {
            foreach (var (ty, sy) in new[] { (bottom, -1.0), (top, 1.0) })
            {
                double bx = tx + (sx * b), by = ty + (sy * b);
                Line(content, bx, ty, bx + (sx * l), ty);         // trim edge, horizontal
                Line(content, bx, by, bx + (sx * l), by);         // bleed edge, horizontal
                Line(content, tx, by, tx, by + (sy * l));         // trim edge, vertical
                Line(content, bx, by, bx, by + (sy * l));         // bleed edge, vertical
            }
        }

        double cx = o + (page.Width / 2), cy = o + (page.Height / 2);
        foreach (var sy in new[] { -1.0, 1.0 })
        {
            var edge = sy < 0 ? bottom - b : top + b;
            Line(content, cx, edge, cx, edge + (sy * l));
            Line(content, cx - l, edge + (sy * l / 2), cx + l, edge + (sy * l / 2));
        }
        foreach (var sx in new[] { -1.0, 1.0 })
        {
            var edge = sx < 0 ? left - b : right + b;
            Line(content, edge, cy, edge + (sx * l), cy);
            Line(content, edge + (sx * l / 2), cy - l, edge + (sx * l / 2), cy + l);
        }
        content.Stroke().RestoreState();
    }

    private static void Line(ContentStreamBuilder content, double x1, double y1, double x2, double y2) =>
        content.MoveTo(x1, y1).LineTo(x2, y2);
}
