using System.Collections.Immutable;
using NewsletterPress.Diagnostics;
using NewsletterPress.Layout.Collect;
using NewsletterPress.Manifest;

namespace NewsletterPress.Layout.Plan;

/// <summary>
/// Tells the editor what the final plan could not avoid, each warning with its code and the place in the editor's
/// files to act on: the article's front matter for a stranded end or a broken keep, the manifest's <c>pages:</c> for
/// a target the levers cannot meet. A warning explains a defect; the tests still count the defect.
/// </summary>
internal static class PlanWarnings
{
    private static string Lines(int n) => n == 1 ? "1 line" : $"{n} lines";

    public static void Report(PagePlan plan, Issue issue, ImmutableArray<CollectedArticle> articles, WarningLog warnings)
    {
        SourcePosition? Of(int article) => article >= 0 ? IssueLayout.FrontMatter(articles[article].Source) : null;
        foreach (var d in plan.Defects)
        {
            switch (d.Kind)
            {
                case DefectKind.KeepBroken:
                    warnings.Add(Of(d.Article), WarningCode.KeepBroken,
                        $"page {d.Page}: a widow, an orphan or a heading at a column foot could not be avoided (\"{d.Excerpt}\")");
                    break;
                case DefectKind.Unbalanced:
                    warnings.Add(Of(d.Article), WarningCode.UnbalancedColumns,
                        $"page {d.Page}: the columns end {Lines(d.Amount)} apart; balancing them would split a block kept together " +
                        $"or leave a widow or orphan (\"{d.Excerpt}\")");
                    break;
                case DefectKind.Stranded:
                    warnings.Add(Of(d.Article), WarningCode.StrandedLines,
                        $"page {d.Page} holds only {Lines(d.Amount)} of \"{articles[d.Article].Source.Title}\", and no setting of the issue " +
                        $"avoids it; adding about {Lines(d.Fewest - d.Amount)} to the article, or cutting about {Lines(d.Amount)}, would");
                    break;
                case DefectKind.UnderfullPage:
                    warnings.Add(Of(d.Article), WarningCode.UnderfullPage,
                        $"page {d.Page} is only {d.Amount} % full, and no setting of the issue fills it; adding text or a figure " +
                        "to this article, or starting the next article on that page (start: continue), would");
                    break;
                case DefectKind.EmptyLastPage:
                    warnings.Add(Of(d.Article), WarningCode.EmptyLastPage,
                        $"the last page (page {d.Page}) is only {d.Amount} % full; adding text to this article, or a donation box " +
                        "at the foot of the page, would fill it");
                    break;
            }
        }
        // The editor asked for the page; it is theirs, but a page mostly white is a defect they should hear about.
        if (issue.Contents.Placement == ContentsPlacement.OwnPage && plan.Pages[0].Fill < PlanCost.LastPageFullEnough)
            warnings.Add(issue.Contents.PlacementWhere, WarningCode.EmptyContentsPage,
                $"the contents have page 1 to themselves (placement: own-page) and fill only {Math.Round(plan.Pages[0].Fill * 100)} % of it; " +
                "placement: cover sets the first article under them");
        if (plan.Copyfit is { } copyfit)
            warnings.Add(issue.Pages?.Where, WarningCode.Copyfit,
                $"the issue cannot be set in {copyfit.Target} with its text as it is; it has {(copyfit.PagesPlanned == 1 ? "1 page" : $"{copyfit.PagesPlanned} pages")}. " +
                (copyfit.Changes.IsEmpty ? "No change of length within its articles meets it."
                    : "To meet it: " + string.Join("; ", copyfit.Changes.Select(c =>
                        $"{(c.Lines < 0 ? "cut" : "add")} about {Lines(Math.Abs(c.Lines))} {(c.Lines < 0 ? "from" : "to")} \"{c.Article.Source.Title}\" " +
                        $"({SourcePosition.DisplayPath(c.Article.Source.SourcePath)})"))));
    }
}
