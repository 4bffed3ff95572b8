using NewsletterPress.Diagnostics;
using NewsletterPress.Layout;
using NewsletterPress.Manifest;
using NewsletterPress.Shared;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.EndToEnd;

/// <summary>
/// The page grid read back from the PDF with mupdf: body baselines of both columns on one
/// grid, no line past its column edge, nothing outside the text block, for vol-11 and every sample.
/// </summary>
public class PageGeometryTests
{
    public static TheoryData<string> Issues() => BuiltIssues.All();

    private static (IReadOnlyList<PdfChar> Chars, LayoutConfig Config) Build(string issue)
    {
        var built = BuiltIssues.Get(issue);
        return (built.Chars, built.Config);
    }

    /// <summary>Running text: body size in the regular text faces (mincho, serif), above the footer.
    /// Headings, authors and furniture use the gothic/sans or bold/italic faces.</summary>
    internal static bool IsBody(PdfChar c, LayoutConfig config) =>
        Math.Abs(c.Size - config.BodySize) < 0.01 && IsRegularTextFace(c.Font)
        && c.Baseline < config.LineTop(config.LinesPerPage) && c.Text.Trim().Length > 0;

    /// <summary>The mincho or the regular Latin serif ("NotoSerif-Regular", "LiberationSerif"), by PostScript name.</summary>
    internal static bool IsRegularTextFace(string font) =>
        font.Contains("Mincho", StringComparison.Ordinal)
        || (font.Contains("Serif", StringComparison.Ordinal) && !font.Contains("Sans", StringComparison.Ordinal)
            && !font.Contains("Bold", StringComparison.Ordinal) && !font.Contains("Italic", StringComparison.Ordinal));

    /// <summary>
    /// JLREQ: at a line start an opening bracket loses its leading half-em blank, at a line end 、。 and closing brackets
    /// lose their trailing one. We draw the full-width glyph shifted, so
    /// its box (what readers report) reaches half an em past the edge while its ink stays inside.
    /// </summary>
    private static double Blank(PdfChar c, bool opening) => c.Text switch
    {
        // A middle dot keeps its quarter em at both ends of a line (JLREQ 3.1.4, 3.1.9, appendix B): its box stays inside.
        "・" or "：" or "；" => 0,
        { Length: 1 } t when opening && JlreqClasses.IsOpening(t[0]) => c.Size / 2,
        { Length: 1 } t when !opening && (JlreqClasses.IsClosing(t[0]) || t is "、" or "。" or "，" or "．") => c.Size / 2,
        _ => 0,
    };

    [Theory]
    [MemberData(nameof(Issues))]
    public void Body_baselines_of_all_columns_lie_on_one_grid(string issue)
    {
        var (chars, config) = Build(issue);
        foreach (var page in chars.Where(c => IsBody(c, config)).GroupBy(c => c.Page))
        {
            var baselines = page.Select(c => Math.Round(c.Baseline, 2)).Distinct().Order().ToList();
            // Every baseline is a whole number of line pitches below the first grid line.
            double first = config.LineTop(0) + config.BaselineOffset;
            foreach (var y in baselines)
            {
                double steps = (y - first) / config.Leading;
                Assert.True(Math.Abs(steps - Math.Round(steps)) * config.Leading < 0.1,
                    $"{issue} page {page.Key}: baseline {y:0.00} is {(steps - Math.Round(steps)) * config.Leading:0.00}pt off the grid");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Issues))]
    public void No_character_runs_past_its_column_or_outside_the_text_block(string issue)
    {
        var (chars, config) = Build(issue);
        foreach (var c in chars.Where(c => c.Text.Trim().Length > 0))
        {
            double left = config.BlockLeft(c.Page) - Blank(c, opening: true), right = config.BlockLeft(c.Page) + config.BlockWidth + Blank(c, opening: false);
            Assert.True(c.X >= left - 0.5 && c.Right <= right + 0.5,
                $"{issue} page {c.Page}: '{c.Text}' at {c.X:0.0}–{c.Right:0.0} is outside the text block {left:0.0}–{right:0.0}");
        }
        if (config.Columns < 2) return;
        // Column lines must end at their column's edge. A line of a one-column region (an article
        // set in one column, the contents) crosses the gutter; lines near such lines are left out.
        var lines = chars.Where(c => IsBody(c, config)).GroupBy(c => c.Line).ToList();
        foreach (var line in lines)
        {
            int page = line.First().Page;
            double columnRight = config.BlockLeft(page) + config.ColumnWidth;
            double baseline = line.First().Baseline;
            // Every glyph counts here, a contents leader's (drawn with a blank text) too.
            bool oneColumnRegion = chars.Where(c => c.Page == page && Math.Abs(c.Baseline - baseline) <= 2.1 * config.Leading)
                .GroupBy(c => Math.Round(c.Baseline, 1))
                .Any(row => Gutter.Crossed(row.GroupBy(c => c.Line), columnRight, config.ColumnGap));
            if (oneColumnRegion) continue;
            foreach (var c in line.Where(c => c.X < columnRight))
                Assert.True(c.Right <= columnRight + Blank(c, opening: false) + 0.5,
                    $"{issue} page {page}: '{c.Text}' ends at {c.Right:0.00}, past the column edge {columnRight:0.00}");
        }
    }
}
