using NewsletterPress.Display;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// For print, a background or rule that touches the trim edge is extended into the bleed, so
/// that a cut a little off the trim line leaves no white sliver (ISO 15930 leaves this to the
/// producer; every print shop asks for it). Stroked frames stay where they are: moving their
/// outline into the bleed would cut it off.
/// </summary>
internal static class BleedExtension
{
    /// <summary>How close to the trim edge counts as touching it, in points.</summary>
    private const double Touching = 0.5;

    public static DisplayItem Extend(DisplayItem item, Page page, double bleed) => item switch
    {
        Box { Fill: not null, Stroke: null } box => ExtendBox(box, page, bleed),
        Rule rule => ExtendRule(rule, page, bleed),
        _ => item,
    };

    private static Box ExtendBox(Box box, Page page, double bleed)
    {
        double left = box.X, top = box.Y, right = box.X + box.Width, bottom = box.Y + box.Height;
        if (left <= Touching) left = -bleed;
        if (top <= Touching) top = -bleed;
        if (right >= page.Width - Touching) right = page.Width + bleed;
        if (bottom >= page.Height - Touching) bottom = page.Height + bleed;
        return box with { X = left, Y = top, Width = right - left, Height = bottom - top };
    }

    private static Rule ExtendRule(Rule rule, Page page, double bleed)
    {
        static double Out(double v, double size, double bleed) =>
            v <= Touching ? -bleed : v >= size - Touching ? size + bleed : v;
        return rule.Y1 == rule.Y2
            ? rule with { X1 = Out(rule.X1, page.Width, bleed), X2 = Out(rule.X2, page.Width, bleed) }
            : rule.X1 == rule.X2
                ? rule with { Y1 = Out(rule.Y1, page.Height, bleed), Y2 = Out(rule.Y2, page.Height, bleed) }
                : rule;
    }
}
