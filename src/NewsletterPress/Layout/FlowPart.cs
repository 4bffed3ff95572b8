using System.Collections.Immutable;

namespace NewsletterPress.Layout;

/// <summary>
/// What an article's body becomes: runs of lines that flow through the columns, separated by
/// elements that span all columns (a spanning figure or table). The text before a spanning
/// element is balanced above it.
/// </summary>
internal abstract record FlowPart;

internal sealed record ColumnLines(IReadOnlyList<FlowLine> Lines) : FlowPart;

/// <summary>A figure or a table across the columns: a float, which the planner sets where it is referenced, at the foot
/// of that page or at the head of the next, always after its reference.</summary>
internal sealed record SpanningBand(Band Band) : FlowPart
{
    /// <summary>A figure's smaller sizes, largest first (scale, band): the planner may take one to fit it where it is
    /// referenced. Empty for a table.</summary>
    public ImmutableArray<(double Scale, Band Band)> Smaller { get; init; } = [];

    /// <summary>The band and its smaller sizes with <paramref name="extra"/> blank grid lines more or fewer around them.</summary>
    public SpanningBand Respaced(int extra, double leading) => extra == 0 ? this : this with
    {
        Band = Band.Respaced(extra, leading),
        Smaller = [.. Smaller.Select(s => (s.Scale, s.Band.Respaced(extra, leading)))],
    };
}

/// <summary>Rows across all columns that are together taller than a page (a long table): they fill the
/// rest of the page and go on at the top of the next, split between rows, under a repeat of the first
/// row (the table's header).</summary>
internal sealed record SpanningRows(IReadOnlyList<FlowLine> Rows) : FlowPart
{
    /// <summary>Blank grid lines above and below the rows (1, or 2 when the planner's lever 2 asks).</summary>
    public int Space { get; init; } = Look.Body.SpanningBlankLines;
}
