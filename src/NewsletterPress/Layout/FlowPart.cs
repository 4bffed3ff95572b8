namespace NewsletterPress.Layout;

/// <summary>
/// What an article's body becomes: runs of lines that flow through the columns, separated by
/// elements that span all columns (a spanning figure or table). The text before a spanning
/// element is balanced above it.
/// </summary>
internal abstract record FlowPart;

internal sealed record ColumnLines(List<FlowLine> Lines) : FlowPart;

internal sealed record SpanningBand(Band Band) : FlowPart;
