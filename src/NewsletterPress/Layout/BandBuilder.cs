using System.Collections.Immutable;
using NewsletterPress.Shared;
using NewsletterPress.Text;

namespace NewsletterPress.Layout;

/// <summary>
/// Stacks lines and rules from the top of a spanning band, then rounds the band up to whole
/// grid lines so that the body text after it lands back on the grid.
/// </summary>
internal sealed class BandBuilder(LayoutConfig config)
{
    private readonly ImmutableArray<Fragment>.Builder _fragments = ImmutableArray.CreateBuilder<Fragment>();

    /// <summary>How far down the band its content reaches so far.</summary>
    public double Depth { get; private set; }

    /// <summary>Adds a line whose baseline sits <paramref name="advance"/> below the previous baseline (or the top).</summary>
    public void AddLine(TextLine line, double x, double advance, int? element = null)
    {
        Depth += advance;
        _fragments.Add(new TextFragment(line, x, Depth) { Element = element });
    }

    /// <summary>Adds a body-size line on the next baseline of the grid, so that running text in
    /// bands (contents, donation box) lines up with the columns' baselines.</summary>
    public void AddGridLine(TextLine line, double x, double minimumAdvance = 0, int? element = null)
    {
        double target = Depth + Math.Max(minimumAdvance, 0.01);
        int k = (int)Math.Ceiling((target - config.BaselineOffset) / config.Leading - 1e-6);
        Depth = Math.Max(0, k) * config.Leading + config.BaselineOffset;
        _fragments.Add(new TextFragment(line, x, Depth) { Element = element });
    }

    public void AddLines(IEnumerable<TextLine> lines, double x, double firstAdvance, double leading, int? element = null)
    {
        bool first = true;
        foreach (var line in lines)
        {
            AddLine(line, x, first ? firstAdvance : leading, element);
            first = false;
        }
    }

    public void Space(double amount) => Depth += amount;

    public void Add(Fragment fragment) => _fragments.Add(fragment);

    /// <summary>A horizontal rule <paramref name="gap"/> below the current depth.</summary>
    public void Rule(double gap, double x1, double x2, double width, Ink ink)
    {
        Depth += gap;
        _fragments.Add(new RuleFragment(x1, Depth, x2, Depth, width, ink));
    }

    public Band Build(double bottomSpace)
    {
        int lines = (int)Math.Ceiling((Depth + bottomSpace) / config.Leading - 1e-6);
        return new Band(Math.Max(1, lines), _fragments.ToImmutable());
    }
}
