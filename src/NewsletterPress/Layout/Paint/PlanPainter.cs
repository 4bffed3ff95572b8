using NewsletterPress.Layout.Plan;
using NewsletterPress.Shared;

namespace NewsletterPress.Layout.Paint;

/// <summary>
/// The last step of the layout, and the only one that draws: every placement of the plan onto its page — bands
/// across the text block, the contents list once the pages are known, regions of column flow with the footnotes
/// at the foot of the column that calls them, the rows of a long table — then the running footer.
/// </summary>
internal static class PlanPainter
{
    public static List<PageCanvas> Paint(PagePlan plan, Band contents, LayoutConfig config, Action<PageCanvas> footer)
    {
        var pages = new List<PageCanvas>(plan.Pages.Length);
        foreach (var planned in plan.Pages)
        {
            var page = new PageCanvas(planned.Number, config.PageWidth, config.PageHeight);
            double left = config.BlockLeft(planned.Number);
            foreach (var placement in planned.Placements)
            {
                double top = config.LineTop(placement.Top);
                switch (placement)
                {
                    case BandPlacement band: page.Draw(band.Band.Fragments, left, top); break;
                    case ContentsSlot: page.Draw(contents.Fragments, left, top); break;
                    case RowPlacement row: page.Draw(row.Row.Fragments, left, top); break;
                    case RegionPlacement region:
                        for (int column = 0; column < region.Columns; column++)
                            PaintColumn(page, region, column, left + column * (region.Width + config.ColumnGap), config);
                        break;
                }
            }
            if (planned.Number > 1) footer(page);
            pages.Add(page);
        }
        return pages;
    }

    private static void PaintColumn(PageCanvas page, RegionPlacement region, int column, double left, LayoutConfig config)
    {
        int from = region.Cut[column], to = region.Cut[column + 1], line = region.Top;
        var lines = region.Lines;
        if (from < to && lines[from].ColumnHead is { } head)
        {
            page.Draw(head.Fragments, left, config.LineTop(line));
            line += head.Lines;
        }
        var notes = new List<Note>();
        for (int i = from; i < to; i++)
        {
            if (region.SpaceBefore.Contains(i)) line++;
            page.Draw(lines[i].Fragments, left, config.LineTop(line));
            notes.AddRange(lines[i].Notes);
            line += lines[i].Lines;
        }
        if (notes.Count == 0) return;

        // Footnotes sit at the foot of the column that calls them, under a third-column rule.
        double y = config.LineTop(region.Top + region.Capacity) - notes.Sum(n => n.Height);
        double rule = -Look.Notes.Separator / 2;
        page.Draw(new RuleFragment(0, rule, region.Width / 3, rule, Look.Notes.RuleWeight, Ink.Black), left, y);
        foreach (var note in notes)
        {
            page.Draw(note.Fragments, left, y);
            y += note.Height;
        }
    }
}
