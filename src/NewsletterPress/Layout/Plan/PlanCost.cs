namespace NewsletterPress.Layout.Plan;

/// <summary>
/// The one cost the page planner minimises (page-planning.md), in demerits. Defects a reader sees get costs far
/// above anything the levers cost, so that the planner uses the levers, in the order a designer reaches for them,
/// before it accepts a defect: a paragraph set a line shorter or longer is cheap, a different space before an
/// opener a little dearer, a page left emptier than it must be dearer still, and a widow, a stranded end or a
/// page under the fill rule dearest. The numbers are tuned so that no lever is used where nothing needs it.
/// </summary>
internal static class PlanCost
{
    /// <summary>The share of a page's grid lines (all columns) that must carry content, but on the last page
    /// and before a break the editor asked for.</summary>
    public const double FullEnough = 0.85;

    /// <summary>The last page must be at least this full, unless the donation box sits at its foot.</summary>
    public const double LastPageFullEnough = 0.5;

    /// <summary>An article's piece on a page of its own must hold at least this many lines of text...</summary>
    public const int FewestLinesOnAPage = 10;

    /// <summary>...or, for a short article, a third of its lines, and at least this many: a news item of a dozen lines
    /// cannot be split without a short piece, only without a tiny one.</summary>
    public const int FewestLinesOfAShortArticle = 4;

    /// <summary>The fewest lines of text a piece of an article of <paramref name="articleLines"/> may hold on a page.</summary>
    public static int FewestLinesOn(int articleLines) =>
        Math.Min(FewestLinesOnAPage, Math.Max(FewestLinesOfAShortArticle, articleLines / 3));

    /// <summary>Each page, when no page count is asked for: fewer pages are better.</summary>
    public const double Page = 3_000;

    /// <summary>A paragraph set a line shorter or longer (word spaces stay within the bar either way).</summary>
    public const double ShorterParagraph = 60;
    public const double LongerParagraph = 80;

    /// <summary>A blank grid line more (or fewer) above every heading of an article.</summary>
    public const double HeadingSpace = 400;

    /// <summary>Two blank grid lines instead of one above and below a figure or table across the columns.</summary>
    public const double BandSpace = 250;

    /// <summary>An article run in under the last line of the one before, in its column, rather than opened across the
    /// columns: a common newsletter start, a little less grand than a spanning opener.</summary>
    public const double RunIn = 300;

    /// <summary>A blank grid line more or fewer than the one before an opener.</summary>
    public const double OpenerSpace = 150;

    /// <summary>A figure set smaller than asked, per whole size (so 10 % smaller costs a tenth of this).</summary>
    public const double FigureSmaller = 3_000;

    /// <summary>A figure in a column moved on to the head of the next column, past the few lines of text that fill the
    /// foot of the column it would have left a hole in: what a designer does, a little away from its reference.</summary>
    public const double FigureToColumnHead = 100;

    /// <summary>A figure in a column moved down to the column's foot, past the text that followed it there, so that it
    /// does not sit in the middle of the column: where a designer puts it, a little further from its reference.</summary>
    public const double FigureToColumnFoot = 20;

    /// <summary>A figure across the columns set at the foot of the page its reference is on rather than where the
    /// reference is: a designer's usual place for it, so it is cheap, but not free, or it would move when nothing
    /// needs it.</summary>
    public const double FigureAtFoot = 100;

    /// <summary>A figure moved to the top of the next page, away from where it is referenced.</summary>
    public const double FigureMoved = 500;

    /// <summary>A strip of text one or two lines tall between two bands across the columns (a figure above, a table
    /// below): a sliver a designer never leaves. Dearer than an unbalanced region or a float moved to the page's foot,
    /// cheaper than a broken keep.</summary>
    public const double SliverBetweenBands = 5_000;

    /// <summary>A widow, an orphan or a heading at a column foot that the flow could not avoid.</summary>
    public const double KeepBroken = 40_000;

    /// <summary>Each line by which the columns of a last region differ beyond the one balancing allows.</summary>
    public const double Imbalance = 1_500;

    /// <summary>A line of the copyfit report: text that is not there (cut or added only to see what the target needs).
    /// Cheaper than a defect for up to a page's worth of lines, so the report asks for the cut or the addition that
    /// meets the target with full pages, not for a page left under the fill rule.</summary>
    public const double VirtualLine = 1_000;

    /// <summary>The donation box at the foot of a page before the last (the tail a new page leaves), for each article
    /// that still follows it: a reader looks for it after the last article.</summary>
    public const double BoxEarly = 5_000;

    /// <summary>A page that holds nothing but the donation box.</summary>
    public const double BoxAlone = 60_000;

    /// <summary>A finished page's cost: convex in its empty share (a page 10 % empty costs little, one 80 % empty a
    /// lot, as TeX's badness grows with the cube of the stretch), plus a penalty when it breaks the fill rule and
    /// nothing forced the break.</summary>
    public static double FinishedPage(double fill, bool forced)
    {
        double empty = Math.Clamp(1 - fill, 0, 1);
        double cost = 20_000 * empty * empty * empty;
        if (!forced && fill < FullEnough) cost += 100_000 + 400_000 * (FullEnough - fill);
        return cost;
    }

    /// <summary>The last page: it should be at least half full, or carry the donation box at its foot.</summary>
    public static double LastPage(double fill, bool boxAtFoot)
    {
        double empty = Math.Clamp(1 - fill, 0, 1);
        double cost = 5_000 * empty * empty * empty;
        if (!boxAtFoot && fill < LastPageFullEnough) cost += 100_000 + 400_000 * (LastPageFullEnough - fill);
        return cost;
    }

    /// <summary>A piece of an article alone on a page, with fewer lines than <see cref="FewestLinesOn"/>: quadratic in
    /// the lines missing, so that a start of eight lines at a column's foot costs less than a page a quarter empty, and
    /// two lines alone on a page more than anything but a broken keep.</summary>
    public static double StrandedPiece(int lines, int articleLines)
    {
        int missing = FewestLinesOn(articleLines) - lines;
        return missing <= 0 ? 0 : 20_000 + 8_000 * missing * missing;
    }
}
