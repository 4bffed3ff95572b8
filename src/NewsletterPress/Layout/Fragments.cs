using System.Collections.Immutable;
using NewsletterPress.Shared;
using NewsletterPress.Text;

namespace NewsletterPress.Layout;

// What a flow line or a spanning band draws, relative to its own top-left corner. The
// layout decides where the corner goes; PageCanvas turns fragments into display items.

/// <summary>Something to draw; <see cref="Element"/> is its structure element (null: an artifact).</summary>
internal abstract record Fragment
{
    public int? Element { get; init; }

    /// <summary>The same fragment <paramref name="dy"/> points lower (to stack lines into a band).</summary>
    public Fragment Shifted(double dy) => this switch
    {
        TextFragment t => t with { Baseline = t.Baseline + dy },
        RuleFragment r => r with { Y1 = r.Y1 + dy, Y2 = r.Y2 + dy },
        ImageFragment i => i with { Y = i.Y + dy },
        LinkFragment l => l with { Y = l.Y + dy },
        BoxFragment b => b with { Y = b.Y + dy },
        _ => this,
    };
}

/// <summary>A set line of text whose baseline is <paramref name="Baseline"/> below the top.</summary>
internal sealed record TextFragment(DrawnLine Line, double X, double Baseline) : Fragment
{
    public TextFragment(TextLine line, double x, double baseline) : this(DrawnLine.Of(line), x, baseline) { }
}

internal sealed record RuleFragment(double X1, double Y1, double X2, double Y2, double Width, Ink Ink) : Fragment;

internal sealed record BoxFragment(double X, double Y, double Width, double Height, Ink Stroke, double StrokeWidth) : Fragment;

/// <summary>An image from the issue folder, drawn into the box X,Y (top-left), Width × Height.</summary>
internal sealed record ImageFragment(string Path, double X, double Y, double Width, double Height) : Fragment;

internal sealed record AnchorFragment(string Name) : Fragment;

/// <summary>A link over an area (contents lines link to their article).</summary>
internal sealed record LinkFragment(double X, double Y, double Width, double Height, string? Uri, string? Destination) : Fragment;

/// <summary>How a flow line is tied to its neighbours.</summary>
[Flags]
internal enum Keep
{
    None = 0,
    /// <summary>Never the last line of a column (a heading, a line of a short address).</summary>
    WithNext = 1,
    /// <summary>Always the first line of a column (the opener of a <c>start: new-column</c> article).</summary>
    ColumnBreakBefore = 2,
}

/// <summary>
/// One unit of column flow: a whole number of grid lines (a text line is one; a heading
/// takes two). <see cref="Paragraph"/>/<see cref="LineInParagraph"/> let the flow avoid
/// widows and orphans.
/// </summary>
internal sealed record FlowLine(int Lines, ImmutableArray<Fragment> Fragments, Keep Keep = Keep.None,
    int Paragraph = -1, int LineInParagraph = 0, int LinesInParagraph = 1)
{
    /// <summary>Footnotes called from this line: they go to the foot of the column the line lands in.</summary>
    public ImmutableArray<Note> Notes { get; init; } = [];

    /// <summary>Drawn above this line when it heads a column or a page (a table's header over a row that
    /// continues the table there), as an artifact, so that the header is read once.</summary>
    public FlowLine? ColumnHead { get; init; }

    /// <summary>The first line of a heading: the planner may give it a blank grid line more above it, or take the
    /// blank line above a level-3 heading away (lever 2 of page-planning.md).</summary>
    public bool OpensHeading { get; init; }

    /// <summary>A blank grid line more may go above it to even out the columns of a region (a heading, the rule above
    /// an article's end notes): vertical justification on the grid.</summary>
    public bool Stretchable { get; init; }

    /// <summary>A figure's image set smaller than asked (scale, the line), largest first: the planner may take one to
    /// fit the figure where it is referenced (lever 3 of page-planning.md). Empty for anything else.</summary>
    public ImmutableArray<(double Scale, FlowLine Line)> Smaller { get; init; } = [];
}

/// <summary>A footnote's text, set for the column, <see cref="Height"/> points tall, drawn from its own top.</summary>
internal sealed record Note(double Height, ImmutableArray<Fragment> Fragments);

/// <summary>Something that spans all columns (masthead, contents, opener, donation box), in whole grid lines.</summary>
internal sealed record Band(int Lines, ImmutableArray<Fragment> Fragments)
{
    /// <summary>Blank grid lines at its top that only part it from text above it (a figure or table across the
    /// columns): at a page's head they go, and it sits on the text block's top edge.</summary>
    public int SpaceAbove { get; init; }

    /// <summary>Blank grid lines at its foot that only part it from text below it.</summary>
    public int SpaceBelow { get; init; }

    /// <summary>The band without <see cref="SpaceAbove"/>, for the head of a page.</summary>
    public Band AtPageHead(double leading)
    {
        if (SpaceAbove == 0) return this;
        double up = -SpaceAbove * leading;
        return new Band(Lines - SpaceAbove, [.. Fragments.Select(f => f.Shifted(up))]) { SpaceBelow = SpaceBelow };
    }

    /// <summary>The band without <see cref="SpaceBelow"/>, for the foot of a page.</summary>
    public Band AtPageFoot() => SpaceBelow == 0 ? this : this with { Lines = Lines - SpaceBelow, SpaceBelow = 0 };

    /// <summary>The band with <paramref name="extra"/> blank grid lines more (or fewer, down to none) above and below
    /// it: the space around a figure or a table across the columns, which the planner may make 2 lines instead of 1
    /// (lever 2 of page-planning.md). A band without such space (an opener) stays as it is.</summary>
    public Band Respaced(int extra, double leading)
    {
        if (extra == 0 || (SpaceAbove == 0 && SpaceBelow == 0)) return this;
        int above = Math.Max(0, SpaceAbove + extra), below = Math.Max(0, SpaceBelow + extra);
        double down = (above - SpaceAbove) * leading;
        return new Band(Lines + above - SpaceAbove + below - SpaceBelow, [.. Fragments.Select(f => f.Shifted(down))])
        {
            SpaceAbove = above,
            SpaceBelow = below,
        };
    }
}
