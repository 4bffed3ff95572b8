namespace NewsletterPress.Layout;

/// <summary>
/// When an article's last few lines spill onto a page of their own, sets some of its paragraphs one
/// line shorter (TeX's \looseness −1: word spaces and punctuation glue tightened within their limits,
/// Latin letter spacing by at most a hundredth of an em) until the spill comes back, as a compositor
/// would. Paragraphs whose last line is shortest go first: they have the most room to give and lose
/// their most wasteful line. If the spill cannot be pulled back, nothing is changed, and the caller
/// can tell the editor.
/// </summary>
internal static class SpillTightener
{
    /// <summary>A spill of more lines than this is a page of text, not a stray end.</summary>
    private const int MaxSpillLines = 4;
    /// <summary>Tightening more paragraphs than this would show.</summary>
    private const int MaxParagraphs = 6;

    /// <returns>The lines to flow, and how many grid lines of them still end up alone on a new page (0 when none do,
    /// or when it is more than a stray end).</returns>
    public static (IReadOnlyList<FlowLine> Lines, int Stranded) Tighten(IReadOnlyList<FlowLine> lines, int columns, PageFlow flow,
        BlockComposer composer)
    {
        var (pages, spill) = flow.Plan(lines, columns);
        if (pages == 0 || spill > MaxSpillLines) return (lines, 0);

        var candidates = lines.Where(l => l.Paragraph >= 0 && l.LinesInParagraph >= 2 && l.LineInParagraph == l.LinesInParagraph - 1)
            .OrderBy(LastLineWidth).Select(l => l.Paragraph).ToList();
        var current = lines.ToList();
        int tightened = 0;
        foreach (var paragraph in candidates)
        {
            if (tightened == MaxParagraphs) break;
            if (composer.SetShorter(paragraph) is not { } shorter) continue;
            int first = current.FindIndex(l => l.Paragraph == paragraph);
            // A new list, not the old one changed: the flow keeps its last plan for the list it was made of.
            current = [.. current.Take(first), .. shorter, .. current.Skip(first + current[first].LinesInParagraph)];
            tightened++;
            if (flow.Plan(current, columns).NewPages < pages) return (current, 0);
        }
        return (lines, spill);
    }

    private static double LastLineWidth(FlowLine line) =>
        line.Fragments.OfType<TextFragment>().Sum(t => t.Line.NaturalWidth);
}
