using NewsletterPress.Display;
using NewsletterPress.Text;

namespace NewsletterPress.Layout.Paint;

/// <summary>Collects the display items of one page while the layout places fragments on it.</summary>
internal sealed class PageCanvas(int number, double width, double height)
{
    private readonly List<DisplayItem> _items = [];
    public int Number { get; } = number;

    public void Draw(IEnumerable<Fragment> fragments, double left, double top)
    {
        foreach (var f in fragments) Draw(f, left, top);
    }

    public void Draw(Fragment fragment, double left, double top)
    {
        var element = fragment.Element;
        switch (fragment)
        {
            case TextFragment t: DrawLine(t.Line, left + t.X, top + t.Baseline, element); break;
            case RuleFragment r: _items.Add(new Rule(left + r.X1, top + r.Y1, left + r.X2, top + r.Y2, r.Width, r.Ink) { Element = element }); break;
            case BoxFragment b: _items.Add(new Box(left + b.X, top + b.Y, b.Width, b.Height, b.Stroke, b.StrokeWidth, null) { Element = element }); break;
            case ImageFragment i: _items.Add(new ImageItem(i.Path, left + i.X, top + i.Y, i.Width, i.Height) { Element = element }); break;
            case AnchorFragment a: _items.Add(new Anchor(a.Name, left, top)); break;
            case LinkFragment l: _items.Add(new LinkArea(left + l.X, top + l.Y, l.Width, l.Height, l.Uri, l.Destination) { Element = element }); break;
        }
    }

    /// <summary>Draws a line set for this page alone (a footer's); the lines of the flow are drawn as fragments.</summary>
    public void DrawLine(TextLine line, double x, double baseline) => DrawLine(DrawnLine.Of(line), x, baseline, null);

    /// <param name="element">The structure element the text belongs to; null for artifacts (footers).</param>
    private void DrawLine(DrawnLine line, double x, double baseline, int? element) => _items.AddRange(line.Items(x, baseline, element));

    public Page ToPage() => new(width, height, [.. _items], Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
