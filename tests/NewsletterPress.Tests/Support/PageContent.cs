using System.Globalization;
using System.Xml.Linq;
using NewsletterPress.Layout;

namespace NewsletterPress.Tests.Support;

/// <summary>A text line, an image or a stroked path (a rule, a frame) as mupdf reads it back, with its box in points
/// from the page's top left.</summary>
/// <param name="Size">The font size of the line's first character (0 for an image or a path).</param>
public sealed record PdfBox(int Page, double X0, double Y0, double X1, double Y1, double Size, string Text, bool Image, bool Path = false);

/// <summary>
/// What each page of a PDF holds, read back with `mutool convert -F stext -O preserve-images` (text lines and images
/// with their boxes, in drawing order), and what the page-planning rules measure on it: how full each page's text
/// block is, and how many lines of each article each page holds.
/// </summary>
internal static class PageContent
{
    public static IReadOnlyList<PdfBox> Read(string pdf)
    {
        var stext = Path.Combine(Path.GetTempPath(), "np-stext-" + Guid.NewGuid().ToString("N") + ".xml");
        try
        {
            NewsletterPress.Tests.Pdf.PdfTools.Ok("mutool", "convert", "-F", "stext", "-O", "preserve-images", "-o", stext, pdf);
            var boxes = new List<PdfBox>();
            int page = 0;
            foreach (var p in XDocument.Load(stext).Root!.Elements("page"))
            {
                page++;
                foreach (var e in p.Descendants().Where(e => e.Name == "line" || e.Name == "image"))
                {
                    var b = e.Attribute("bbox")!.Value.Split(' ').Select(D).ToArray();
                    if (e.Name == "image")
                    {
                        boxes.Add(new PdfBox(page, b[0], b[1], b[2], b[3], 0, "", true));
                        continue;
                    }
                    var text = string.Concat(e.Descendants("char").Select(c => c.Attribute("c")!.Value));
                    if (text.Trim().Length == 0) continue;
                    var size = e.Elements("font").Select(f => D(f.Attribute("size")!.Value)).FirstOrDefault();
                    boxes.Add(new PdfBox(page, b[0], b[1], b[2], b[3], size, text, false));
                }
            }
            boxes.AddRange(Paths(pdf));
            return boxes;
        }
        finally { File.Delete(stext); }
    }

    /// <summary>Stroked paths (rules and frames) from `mutool trace`, whose coordinates are bottom-up.</summary>
    private static IEnumerable<PdfBox> Paths(string pdf)
    {
        int page = 0;
        double height = 0;
        var points = new List<(double X, double Y)>();
        bool inPath = false;
        foreach (var line in NewsletterPress.Tests.Pdf.PdfTools.Ok("mutool", "trace", pdf).Split('\n'))
        {
            var t = line.Trim();
            if (t.StartsWith("<page ", StringComparison.Ordinal))
            {
                page++;
                height = D(Attribute(t, "mediabox").Split(' ')[3]);
            }
            else if (t.StartsWith("<stroke_path", StringComparison.Ordinal)) (inPath, points) = (true, []);
            else if (inPath && (t.StartsWith("<moveto", StringComparison.Ordinal) || t.StartsWith("<lineto", StringComparison.Ordinal)))
                points.Add((D(Attribute(t, "x")), height - D(Attribute(t, "y"))));
            else if (inPath && t.StartsWith("</stroke_path", StringComparison.Ordinal))
            {
                inPath = false;
                if (points.Count > 1)
                    yield return new PdfBox(page, points.Min(p => p.X), points.Min(p => p.Y), points.Max(p => p.X), points.Max(p => p.Y), 0, "", false, Path: true);
            }
        }
    }

    private static string Attribute(string element, string name)
    {
        int at = element.IndexOf(name + "=\"", StringComparison.Ordinal) + name.Length + 2;
        return element[at..element.IndexOf('"', at)];
    }

    /// <summary>
    /// The fill of each page as page-planning.md defines it: the share of the text block's grid cells (every column,
    /// every line of the grid) taken by text, openers, figures, tables, boxes and notes. A cell is taken when a text
    /// line or an image covers a third of its height within its column. An element across the columns (the masthead,
    /// the contents, an opener, a table) ends with a rule across the text block, and the donation box is a frame: the
    /// rows of such a band are taken in every column, from the rule up to where its own text begins. A hole of at most
    /// two cells between taken cells of a column is the space that belongs to what is around it (the line above a
    /// heading, the blank line around a figure), so it counts as taken too. What stays empty is the foot of a column
    /// and larger holes.
    /// </summary>
    public static List<double> Fill(IReadOnlyList<PdfBox> boxes, int pages, LayoutConfig config)
    {
        var fills = new List<double>();
        for (int page = 1; page <= pages; page++)
        {
            var taken = Taken(boxes, page, config);
            fills.Add(taken.Sum(c => c.Count(t => t)) / (double)(config.Columns * config.LinesPerPage));
        }
        return fills;
    }

    /// <summary>For each column of the page, which grid cells content reaches (holes of two cells filled).</summary>
    public static List<bool[]> Taken(IReadOnlyList<PdfBox> boxes, int page, LayoutConfig config)
    {
        var columns = new List<bool[]>();
        double left = config.BlockLeft(page);
        int Row(double y) => Math.Clamp((int)Math.Floor((y - config.Top) / config.Leading), 0, config.LinesPerPage - 1);
        for (int c = 0; c < config.Columns; c++)
        {
            double x0 = left + c * (config.ColumnWidth + config.ColumnGap), x1 = x0 + config.ColumnWidth;
            var cells = new bool[config.LinesPerPage];
            foreach (var b in boxes.Where(b => b.Page == page && !b.Path && b.X1 > x0 + 5 && b.X0 < x1 - 5))
                for (int j = 0; j < cells.Length; j++)
                {
                    double top = config.LineTop(j), bottom = config.LineTop(j + 1);
                    if (Math.Min(bottom, b.Y1) - Math.Max(top, b.Y0) >= config.Leading / 3) cells[j] = true;
                }
            columns.Add(cells);
        }
        // Bands across the text block: a frame's rows, and the rows from a rule across the block up to the first row
        // of the band's own text (the taken rows, in any column, directly above the rule).
        foreach (var path in boxes.Where(b => b.Page == page && b.Path && b.X1 - b.X0 >= config.BlockWidth * 0.9))
        {
            int from = Row(path.Y0), to = Row(path.Y1);
            if (to == from)
            {
                // Up through the band's own lines (some columns only), over a blank row inside it, to a row of columns.
                for (int j = from - 1, blank = 0; j >= 0 && blank <= 1 && !RegionAbove(columns, j); j--)
                {
                    bool any = columns.Any(col => col[j]);
                    blank = any ? 0 : blank + 1;
                    if (any) from = j;
                }
            }
            for (int j = from; j <= to; j++)
                foreach (var col in columns) col[j] = true;
        }
        foreach (var cells in columns)
        {
            int last = -1;
            for (int j = 0; j < cells.Length; j++)
            {
                if (!cells[j]) continue;
                if (last >= 0 && j - last - 1 <= 2) for (int k = last + 1; k < j; k++) cells[k] = true;
                last = j;
            }
        }
        return columns;
    }

    /// <summary>The row belongs to columns of text, not to a band: every column has text in it.</summary>
    private static bool RegionAbove(List<bool[]> columns, int row) => columns.Count > 1 && columns.All(col => col[row]);

    /// <summary>
    /// Where each article begins and how many of its body lines (its running text: not headings, captions or table rows)
    /// each page holds, in drawing order (which is reading order): an article begins at the first line of its title (set
    /// at <paramref name="titleSize"/>), and every body
    /// line after it is the article's until the next title; the donation box's lines (from its lead,
    /// <paramref name="after"/>, to the next title) are no article's.
    /// </summary>
    public static (List<(int Page, int Article, int Lines)> Pieces, List<PdfBox> Titles) Articles(IReadOnlyList<PdfBox> boxes,
        IReadOnlyList<string> titles, LayoutConfig config, double titleSize, string? after = null)
    {
        var pieces = new Dictionary<(int, int), int>();
        var starts = new List<PdfBox>();
        // A table row is several cells on one baseline: three lines or more on a baseline (two columns of text make two).
        var tableRows = boxes.Where(b => !b.Image && !b.Path).GroupBy(b => (b.Page, Math.Round(b.Y1)))
            .Where(g => g.Count() >= 3).Select(g => g.Key).ToHashSet();
        int article = -1;
        bool inTitle = false, inBox = false;
        foreach (var b in boxes.Where(b => !b.Image && !b.Path))
        {
            bool title = Math.Abs(b.Size - titleSize) < 0.1;
            if (title && !inTitle && article + 1 < titles.Count && Normalise(titles[article + 1]).StartsWith(Normalise(b.Text), StringComparison.Ordinal))
            {
                article++;
                starts.Add(b);
                inBox = false;
            }
            inTitle = title;
            // The donation box (it may close any page): its lines are no article's, up to the next title.
            if (after is { Length: > 0 } && b.Text.Trim().Length > 5 && Normalise(after).StartsWith(Normalise(b.Text), StringComparison.Ordinal))
                inBox = true;
            bool body = Math.Abs(b.Size - config.BodySize) < 0.1 && b.Y1 <= config.LineTop(config.LinesPerPage) + 1
                        && !tableRows.Contains((b.Page, Math.Round(b.Y1)));
            if (!body || inBox || article < 0) continue;
            pieces[(b.Page, article)] = pieces.GetValueOrDefault((b.Page, article)) + 1;
        }
        return ([.. pieces.Select(p => (p.Key.Item1, p.Key.Item2, p.Value)).OrderBy(p => p.Item1).ThenBy(p => p.Item2)], starts);
    }

    public static string Normalise(string s) =>
        new(s.Where(c => !char.IsWhiteSpace(c) && c != '\u00AD').Select(c => c is '’' or '‘' ? '\'' : c).ToArray());
    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
