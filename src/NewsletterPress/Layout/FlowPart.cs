namespace NewsletterPress.Layout;

/// <summary>
/// What an article's body becomes: runs of lines that flow through the columns, separated by
/// elements that span all columns (a spanning figure or table). The text before a spanning
/// element is balanced above it.
/// </summary>
internal abstract record FlowPart;

internal sealed record ColumnLines(List<FlowLine> Lines) : FlowPart;

internal sealed record SpanningBand(Band Band) : FlowPart;

/// <summary>Rows across all columns that are together taller than a page (a long table): they fill the
/// rest of the page and go on at the top of the next, split between rows, under a repeat of the first
/// row (the table's header).</summary>
internal sealed record SpanningRows(List<FlowLine> Rows) : FlowPart;
