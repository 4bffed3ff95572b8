namespace NewsletterPress.Layout.Plan;

/// <summary>
/// What the planner needs to know of a flow line, packed small: its height in grid lines, how it is tied to its
/// neighbours, and the footnotes it calls. The planner tries many flows of the same lines; it reads these, not the
/// lines' fragments.
/// </summary>
/// <param name="Blank">Draws nothing (the space above a heading): it vanishes at a column's head.</param>
/// <param name="OpensParagraph">The first line of a paragraph of several: alone at a column's foot it is an orphan.</param>
/// <param name="ClosesParagraph">The last line of a paragraph of several: alone at a column's head it is a widow.</param>
/// <param name="NoteHeight">The footnotes it calls, in points, which go to the foot of its column.</param>
/// <param name="HeadLines">Grid lines drawn above it when it heads a column (a table's repeated header).</param>
/// <param name="KeptTogether">A line of a short block kept in one column (an address): it keeps with the next, but may
/// give way, as a paragraph's line would, when that is the only way to balance the last columns of an article.</param>
/// <param name="Stretchable">A blank line more may go above it to even out a region's columns (a heading, a notes rule).</param>
/// <param name="Text">A line of a paragraph's text (a heading, a figure, a table row or a blank line is none): what counts
/// for an article's piece on a page.</param>
/// <param name="Figure">A figure's image in a column (its caption lines keep with it): it may move on to the head of the
/// next column, after the text that follows it, rather than leave a hole at a column's foot, or down to its column's
/// foot rather than sit in the column's middle.</param>
internal readonly record struct FlowUnit(int Lines, Keep Keep, bool Blank, bool OpensParagraph, bool ClosesParagraph,
    double NoteHeight, int HeadLines, bool KeptTogether = false, bool Stretchable = false, bool Figure = false, bool Text = false)
{
    /// <summary>It must not end a column.</summary>
    public bool KeepsWithNext(bool blocksMaySplit) => (Keep & Keep.WithNext) != 0 && !(blocksMaySplit && KeptTogether);

    public static FlowUnit[] From(IReadOnlyList<FlowLine> lines)
    {
        var units = new FlowUnit[lines.Count];
        for (int i = 0; i < units.Length; i++)
        {
            var l = lines[i];
            double notes = 0;
            foreach (var n in l.Notes) notes += n.Height;
            bool several = l.Paragraph >= 0 && l.LinesInParagraph > 1;
            units[i] = new FlowUnit(l.Lines, l.Keep, l.Fragments.IsEmpty, several && l.LineInParagraph == 0,
                several && l.LineInParagraph == l.LinesInParagraph - 1, notes, l.ColumnHead?.Lines ?? 0,
                KeptTogether: l.Paragraph >= 0 && (l.Keep & Keep.WithNext) != 0, Stretchable: l.Stretchable,
                Figure: l.Fragments.Any(f => f is ImageFragment), Text: l.Paragraph >= 0);
        }
        return units;
    }
}
