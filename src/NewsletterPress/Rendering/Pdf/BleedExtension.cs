using NewsletterPress.Display;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// For print, a background or rule that the layout marked as running off the page (<see cref="TrimEdges"/>) is
/// extended into the bleed on exactly the marked edges, so that a cut a little off the trim line leaves no white
/// sliver (ISO 15930 leaves this to the producer; every print shop asks for it). The writer does not guess from
/// positions which items touch the trim: the layout knows.
/// </summary>
internal static class BleedExtension
{
    public static DisplayItem Extend(DisplayItem item, Page page, double bleed) => item switch
    {
        Box { Bleeds: not TrimEdges.None } box => ExtendBox(box, page, bleed),
        Rule { Bleeds: not TrimEdges.None } rule => ExtendRule(rule, page, bleed),
        _ => item,
    };

    private static Box ExtendBox(Box box, Page page, double bleed)
    {
        double left = box.X, top = box.Y, right = box.X + box.Width, bottom = box.Y + box.Height;
        if (box.Bleeds.HasFlag(TrimEdges.Left)) left = -bleed;
        if (box.Bleeds.HasFlag(TrimEdges.Top)) top = -bleed;
        if (box.Bleeds.HasFlag(TrimEdges.Right)) right = page.Width + bleed;
        if (box.Bleeds.HasFlag(TrimEdges.Bottom)) bottom = page.Height + bleed;
        return box with { X = left, Y = top, Width = right - left, Height = bottom - top };
    }

    /// <summary>A horizontal rule's left or right end, a vertical rule's top or bottom end, goes out to the bleed.</summary>
    private static Rule ExtendRule(Rule rule, Page page, double bleed)
    {
        static (double, double) Out(double a, double b, bool low, bool high, double size, double bleed) =>
            a <= b ? (low ? -bleed : a, high ? size + bleed : b) : (high ? size + bleed : a, low ? -bleed : b);
        var edges = rule.Bleeds;
        if (rule.Y1 == rule.Y2)
        {
            var (x1, x2) = Out(rule.X1, rule.X2, edges.HasFlag(TrimEdges.Left), edges.HasFlag(TrimEdges.Right), page.Width, bleed);
            return rule with { X1 = x1, X2 = x2 };
        }
        if (rule.X1 == rule.X2)
        {
            var (y1, y2) = Out(rule.Y1, rule.Y2, edges.HasFlag(TrimEdges.Top), edges.HasFlag(TrimEdges.Bottom), page.Height, bleed);
            return rule with { Y1 = y1, Y2 = y2 };
        }
        return rule;
    }
}
