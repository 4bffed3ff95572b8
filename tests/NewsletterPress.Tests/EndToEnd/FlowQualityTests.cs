using NewsletterPress.Layout;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.EndToEnd;

/// <summary>
/// Widows, orphans and balanced columns, read back from the PDF with mupdf for vol-11 and every
/// sample. The text comes back in drawing order, which is reading order (a column's lines, its
/// footnotes, then the next column), so a column break is two neighbouring lines in different columns.
/// A paragraph's first line is indented by one em (Japanese always, English after its first paragraph);
/// a justified line reaches the column edge and a paragraph's last line stops short of it.
/// </summary>
public class FlowQualityTests
{
    public static TheoryData<string> Issues() => BuiltIssues.All();

    private enum Kind { Body, Small, Other }

    private sealed record Line(int Page, int Column, double Left, double Right, double Baseline, Kind Kind, string Text);

    /// <summary>mupdf's lines, merged where it split one printed line, in drawing order, without the footers.</summary>
    private static List<Line> Lines(BuiltIssue built)
    {
        var config = built.Config;
        var lines = new List<Line>();
        foreach (var group in built.Chars.Where(c => c.Text.Trim().Length > 0).GroupBy(c => c.Line))
        {
            var first = group.First();
            if (first.Baseline > config.LineTop(config.LinesPerPage) + config.BodySize) continue; // footer
            double left = group.Min(c => c.X), right = group.Max(c => c.Right);
            int column = config.Columns > 1 && left >= ColumnLeft(config, first.Page, 1) - config.ColumnGap / 2 ? 1 : 0;
            var kind = group.All(c => PageGeometryTests.IsBody(c, config) || c.Size < config.BodySize) && group.Any(c => PageGeometryTests.IsBody(c, config))
                ? Kind.Body
                : group.All(c => c.Size < config.BodySize - 0.01) ? Kind.Small : Kind.Other;
            var text = string.Concat(group.Select(c => c.Text));
            if (lines.Count > 0 && lines[^1] is var last && last.Page == first.Page && last.Column == column
                && Math.Abs(last.Baseline - first.Baseline) < 0.1 && last.Kind == kind)
                lines[^1] = last with { Left = Math.Min(last.Left, left), Right = Math.Max(last.Right, right), Text = last.Text + text };
            else lines.Add(new Line(first.Page, column, left, right, first.Baseline, kind, text));
        }
        // A line across the gutter (an opener, a contents line with its leader) spans the columns,
        // and so does whatever shares its baseline (the contents line's page number).
        // Every glyph counts here, a contents leader's (drawn with a blank text) too.
        var spanning = built.Chars.GroupBy(c => (c.Page, Math.Round(c.Baseline)))
            .Where(row => config.Columns > 1 && Gutter.Crossed(row.GroupBy(c => c.Line),
                ColumnLeft(config, row.Key.Page, 1) - config.ColumnGap, config.ColumnGap))
            .Select(row => row.Key).ToHashSet();
        return lines.Select(l => spanning.Contains((l.Page, Math.Round(l.Baseline))) ? l with { Column = -1 } : l).ToList();
    }

    private static double ColumnLeft(LayoutConfig config, int page, int column) =>
        config.BlockLeft(page) + column * (config.ColumnWidth + config.ColumnGap);

    /// <summary>Pairs of body lines on either side of a column break: what ends one column and what heads the next.
    /// Footnotes (smaller than the body) are passed over; anything else between them (a heading, an opener) means
    /// the break is not inside a paragraph.</summary>
    private static IEnumerable<(Line Foot, Line Head)> ColumnBreaks(List<Line> lines)
    {
        var text = lines.Where(l => l.Kind != Kind.Small).ToList();
        for (int i = 1; i < text.Count; i++)
        {
            var (a, b) = (text[i - 1], text[i]);
            if (a.Page == b.Page && a.Column == b.Column) continue;
            if (a.Kind == Kind.Body && b.Kind == Kind.Body && a.Column >= 0 && b.Column >= 0) yield return (a, b);
        }
    }

    [Theory]
    [MemberData(nameof(Issues))]
    public void No_paragraph_leaves_a_single_line_at_the_foot_or_the_head_of_a_column(string issue)
    {
        var built = BuiltIssues.Get(issue);
        var config = built.Config;
        double em = config.BodySize;
        double Right(Line l) => ColumnLeft(config, l.Page, l.Column) + (config.Columns > 1 ? config.ColumnWidth : config.BlockWidth);
        double Indent(Line l) => l.Left - ColumnLeft(config, l.Page, l.Column);
        bool Justified(Line l) => l.Right >= Right(l) - 0.6;
        bool Short(Line l) => l.Right < Right(l) - em;

        var breaks = ColumnBreaks(Lines(built)).ToList();
        Assert.NotEmpty(breaks);
        foreach (var (foot, head) in breaks)
        {
            // A widow: the paragraph runs on from the column before and ends in the head line.
            bool widow = Justified(foot) && Short(head) && Indent(head) < Indent(foot) + em / 2;
            Assert.False(widow, $"{issue} page {head.Page}: the last line \"{head.Text}\" of a paragraph heads a column");
            // An orphan: the paragraph's indented first line ends the column and the paragraph runs on.
            bool orphan = Justified(foot) && Math.Abs(Indent(foot) - Indent(head) - em) < 0.5;
            Assert.False(orphan, $"{issue} page {foot.Page}: the first line \"{foot.Text}\" of a paragraph ends a column");
        }
    }

    [Theory]
    [MemberData(nameof(Issues))]
    public void Columns_that_end_before_the_foot_of_the_page_end_within_one_line(string issue)
    {
        var built = BuiltIssues.Get(issue);
        var config = built.Config;
        if (config.Columns < 2) return;
        double lastBaseline = config.LineTop(config.LinesPerPage - 1) + config.BaselineOffset;
        var text = Lines(built); // footnotes included: they reach the foot of their column
        // Runs of lines in one column; a run in the left column followed by one in the right column
        // that starts at the same height is one region of the flow.
        var runs = new List<List<Line>>();
        foreach (var line in text)
        {
            if (runs.Count > 0 && runs[^1][^1] is var last && last.Page == line.Page && last.Column == line.Column && line.Baseline > last.Baseline)
                runs[^1].Add(line);
            else runs.Add([line]);
        }
        int regions = 0;
        for (int i = 1; i < runs.Count; i++)
        {
            var (left, right) = (runs[i - 1], runs[i]);
            if (left[0].Column != 0 || right[0].Column != 1 || left[0].Page != right[0].Page) continue;
            // The left run may begin with an opener set to the column; the region starts where the right column does.
            if (!left.Any(l => Math.Abs(l.Baseline - right[0].Baseline) <= 1.5 * config.Leading)) continue;
            if (!left.Any(l => l.Kind == Kind.Body) || !right.Any(l => l.Kind == Kind.Body)) continue;
            regions++;
            double leftFoot = left.Max(l => l.Baseline), rightFoot = right.Max(l => l.Baseline);
            if (Math.Max(leftFoot, rightFoot) > lastBaseline - config.Leading / 2) continue; // the page is full
            if (Math.Abs(leftFoot - rightFoot) <= config.Leading + 0.1) continue;
            if (left.Count(l => l.Kind == Kind.Body) + right.Count(l => l.Kind == Kind.Body) <= 3) continue; // too few lines to share out
            Assert.Fail($"{issue} page {left[0].Page}: the columns end {Math.Abs(leftFoot - rightFoot) / config.Leading:0.#} lines apart");
        }
        Assert.True(regions > 0 || !text.Any(l => l.Kind == Kind.Body && l.Column == 1),
            $"{issue}: body text in the right column, but no two-column region was read back");
    }
}
