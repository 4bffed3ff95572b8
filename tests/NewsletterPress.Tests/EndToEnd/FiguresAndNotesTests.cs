using System.Globalization;
using System.Text.RegularExpressions;
using NewsletterPress.Tests.Pdf;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.EndToEnd;

/// <summary>
/// Figures and footnotes read back from the PDF: a figure is never before the text that introduces
/// it and its caption sits right under it on the same page; a footnote is at the foot of the column
/// of the page that calls it. Images come from `mutool trace`, text from mupdf's structured text.
/// </summary>
public class FiguresAndNotesTests
{
    private sealed record PlacedImage(int Page, double Left, double Top, double Width, double Height);

    private static List<PlacedImage> Images(string pdf)
    {
        var images = new List<PlacedImage>();
        int page = 0;
        foreach (var line in PdfTools.Ok("mutool", "trace", pdf).Split('\n'))
        {
            if (Regex.Match(line, @"<page number=""(\d+)""") is { Success: true } p) page = int.Parse(p.Groups[1].Value, CultureInfo.InvariantCulture);
            // The image's unit square maps to [a 0 0 d e f]: in mupdf's top-down space (e, f) is its top left.
            if (Regex.Match(line, @"<fill_image .*transform=""([-\d. ]+)""") is { Success: true } m)
            {
                var t = m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                images.Add(new PlacedImage(page, t[4], t[5], t[0], t[3]));
            }
        }
        return images;
    }

    /// <summary>The page and the first character of the first place the text appears, spaces ignored.</summary>
    private static (int Page, PdfChar First) Find(IReadOnlyList<PdfChar> chars, string text)
    {
        var visible = chars.Where(c => c.Text.Trim().Length > 0).ToList();
        var joined = string.Concat(visible.Select(c => c.Text));
        int at = joined.IndexOf(text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{text}' is not in the PDF");
        return (visible[at].Page, visible[at]);
    }

    /// <summary>A sentence of English running text, repeated to make paragraphs of known length.</summary>
    private const string Sentence = "The volunteers walked the length of the harbour and asked the people who live and work there what they would change. ";

    private static readonly NewsletterPress.Layout.LayoutConfig Config =
        NewsletterPress.Layout.LayoutConfig.From(NewsletterPress.Manifest.Style.Default, new NewsletterPress.Diagnostics.WarningLog());

    /// <summary>Paragraphs "{mark} 0.", "{mark} 1.", … of three to five sentences.</summary>
    private static string Paragraphs(int n, string mark) =>
        string.Join("\n\n", Enumerable.Range(0, n).Select(i => $"{mark} {i}. " + string.Concat(Enumerable.Repeat(Sentence, 3 + i % 3))));

    /// <summary>Builds a one-article English issue whose article body is <paramref name="body"/>, with the sample image
    /// <paramref name="image"/> in its images/ folder; returns the PDF's path, inside <paramref name="folder"/>.</summary>
    private static string BuildWithImage(string body, string image, out IssueFolder folder, string manifestEnd = "")
    {
        folder = new IssueFolder(IssueFolder.Manifest("en", "a.md") + manifestEnd, ("a.md", "---\ntitle: The Harbour\nlang: en\n---\n\n" + body));
        Directory.CreateDirectory(Path.Combine(folder.Path, "images"));
        File.Copy(Repo.Path("samples", "figures-and-tables", "images", image), Path.Combine(folder.Path, "images", image));
        var pdf = folder.Output("out.pdf");
        IssueBuild.ToPdf(folder.Path, pdf);
        return pdf;
    }

    [Fact]
    public void A_figure_comes_after_the_text_that_introduces_it_with_its_caption_right_under_it_on_the_same_page()
    {
        var built = BuiltIssues.Get("samples/figures-and-tables");
        var images = Images(built.Pdf);
        Assert.Equal(2, images.Count);
        (string Introduction, string Caption)[] figures =
        [
            ("下の図は年度ごとの会員数を示したものです。", "年度別の会員数"),
            ("This article reports what they found and what we plan to do next.", "The north quay at dawn"),
        ];
        for (int i = 0; i < figures.Length; i++)
        {
            var image = images[i];
            var (introPage, intro) = Find(built.Chars, figures[i].Introduction);
            var (captionPage, caption) = Find(built.Chars, figures[i].Caption);
            Assert.True(introPage < image.Page || (introPage == image.Page && (intro.Baseline < image.Top || intro.X < image.Left - built.Config.ColumnGap)),
                $"figure {i + 1} on page {image.Page} comes before its introduction on page {introPage}");
            Assert.Equal(image.Page, captionPage);
            double bottom = image.Top + image.Height;
            Assert.InRange(caption.Baseline, bottom, bottom + 2 * built.Config.Leading);
            Assert.InRange(caption.X, image.Left - built.Config.ColumnWidth, image.Left + image.Width);
        }
    }

    [Fact]
    public void A_figure_that_does_not_fit_where_it_is_referenced_goes_to_the_pages_foot_or_the_next_pages_head_while_the_text_after_it_fills_the_page()
    {
        // More and more text before a photo across the columns, so that it lands at every height of a page: where it
        // does not fit, the page is not left short; the photo goes to the foot of its reference's page or the next
        // page's top (the text after it filling the columns) or is set a little smaller where it is; always after its
        // reference, with its caption under it.
        int moved = 0, smaller = 0, atFoot = 0;
        double natural;
        using (var codec = SkiaSharp.SKCodec.Create(Repo.Path("samples", "figures-and-tables", "images", "harbour.jpg")))
            natural = Math.Min(Config.BlockWidth / 2, codec.Info.Width / 150.0 * 72);
        // Each step adds two sentences before the photo: about a grid line across the two columns.
        for (int before = 8; before <= 24; before += 2)
        {
            var pdf = BuildWithImage(Paragraphs(11, "Before") + " " + string.Concat(Enumerable.Repeat(Sentence, before)) +
                " The photo below shows the north quay.\n\n![The north quay at dawn.](../images/harbour.jpg){.span width=50%}\n\n" +
                Paragraphs(10, "After") + "\n", "harbour.jpg", out var folder);
            using var _ = folder;

            var chars = StructuredText.Read(pdf);
            var image = Assert.Single(Images(pdf));
            var (referencePage, reference) = Find(chars, "The photo below shows the north quay.");
            var (captionPage, caption) = Find(chars, "The north quay at dawn.");
            var (afterPage, _) = Find(chars, "After 0.");
            Assert.True(referencePage < image.Page || referencePage == image.Page && reference.Baseline < image.Top,
                $"{before}: the photo (page {image.Page}) comes before its reference (page {referencePage})");
            Assert.Equal(image.Page, captionPage);
            Assert.InRange(caption.Baseline, image.Top + image.Height, image.Top + image.Height + 2 * Config.Leading);
            // Every page before the photo's is full: the photo fitted, or the text after it filled the room.
            var fills = PageContent.Fill(PageContent.Read(pdf), chars.Max(c => c.Page), Config);
            for (int page = 1; page < image.Page; page++)
                Assert.True(fills[page - 1] >= 0.85, $"{before}: page {page} before the photo is only {fills[page - 1]:0%} full");
            if (afterPage < image.Page)
            {
                moved++;
                // At the head of its page the photo sits on the text block's top edge: no blank line above it.
                Assert.True(image.Top < Config.LineTop(1), $"{before}: the photo at the head of page {image.Page} starts at {image.Top:0.0} pt, " +
                                                           $"a blank line below the text block's top {Config.Top:0.0} pt");
            }
            if (image.Width < natural - 1) smaller++;
            var (_, after) = Find(chars, "After 0.");
            if (afterPage == image.Page && after.Baseline < image.Top)
            {
                atFoot++;
                // At the foot of its reference's page, the text after it above it, its caption on the text block's last line.
                Assert.Equal(referencePage, image.Page);
                Assert.InRange(caption.Baseline, Config.LineTop(Config.LinesPerPage - 1), Config.LineTop(Config.LinesPerPage));
            }
        }
        Assert.True(moved > 0, "the photo never had to move on");
        Assert.True(atFoot > 0, "the photo never went to the foot of its page");
        Assert.True(smaller > 0, "the photo was never set smaller to fit");
    }

    /// <summary>A table too wide for a column, so that it goes across the columns.</summary>
    private const string WideTable = """
        | Group | Answers | Share | Most common wish |
        |---|---:|---:|---|
        | Residents | 118 | 55 % | Quieter evenings and more benches along the quay |
        | Shop owners | 31 | 14 % | Better signs from the station to the harbour |
        | Fishers | 22 | 10 % | Repairs to the slipway before winter storms |
        | Visitors | 43 | 20 % | Public toilets that stay open after six |
        """;

    /// <summary>A donation box, at the foot of the last page as a newsletter has it: the last page then meets its fill
    /// rule however short it is, so that rule (which outranks a sliver of text) does not decide where a float goes.</summary>
    private const string DonationBox = "donation:\n  lead: Support the harbour survey.\n  options:\n    - One share, 3,000 yen\n";

    [Fact]
    public void A_table_across_the_columns_floats_like_a_figure_and_leaves_no_sliver_of_text_between_itself_and_a_photo()
    {
        // A photo across the columns, a short paragraph, then a table across the columns, with more and more text before
        // them so that they land at every height of a page. The table, like the photo, comes after its reference and
        // never leaves the page before it short; and the text between the two is never a strip of one or two lines.
        int floated = 0;
        for (int before = 8; before <= 24; before += 2)
        {
            var pdf = BuildWithImage(Paragraphs(11, "Before") + " " + string.Concat(Enumerable.Repeat(Sentence, before)) +
                " The photo below shows the north quay.\n\n![The north quay at dawn.](../images/harbour.jpg){.span width=50%}\n\n" +
                "Between. " + string.Concat(Enumerable.Repeat(Sentence, 2)) + "The table below counts the answers.\n\n" + WideTable +
                "\n\n" + Paragraphs(10, "After") + "\n", "harbour.jpg", out var folder, DonationBox);
            using var _ = folder;

            var chars = StructuredText.Read(pdf);
            var boxes = PageContent.Read(pdf);
            var (referencePage, reference) = Find(chars, "The table below counts the answers.");
            var (tablePage, header) = Find(chars, "Most common wish");
            var rules = boxes.Where(b => b.Page == tablePage && b.Path && b.X1 - b.X0 >= Config.BlockWidth * 0.9).ToList();
            double tableTop = rules.Where(r => r.Y1 <= header.Baseline).Max(r => r.Y0);
            Assert.True(referencePage < tablePage || reference.Baseline < tableTop,
                $"{before}: the table (page {tablePage}) comes before its reference (page {referencePage})");
            var fills = PageContent.Fill(boxes, chars.Max(c => c.Page), Config);
            for (int page = 1; page < tablePage; page++)
                Assert.True(fills[page - 1] >= 0.85, $"{before}: page {page} before the table is only {fills[page - 1]:0%} full");
            var (afterPage, after) = Find(chars, "After 0.");
            if (afterPage < tablePage || after.Baseline < tableTop) floated++;

            // On the photo's page, the lines of text between its caption and the table (when the table is on that page).
            var image = Assert.Single(Images(pdf));
            var (_, caption) = Find(chars, "The north quay at dawn.");
            if (image.Page != tablePage || tableTop < caption.Baseline) continue;
            int between = boxes.Where(b => b.Page == tablePage && !b.Path && !b.Image && b.Y0 > caption.Baseline && b.Y1 < tableTop)
                .Select(b => Math.Round(b.Y1)).Distinct().Count();
            Assert.True(between is 0 or >= 3, $"{before}: {between} line(s) of text between the photo and the table on page {tablePage}");
        }
        Assert.True(floated > 0, "the table never floated: the text after it never came before it");
    }

    /// <summary>An issue whose article has <paramref name="paragraphs"/> paragraphs and <paramref name="sentences"/>
    /// sentences more before a chart in a column ("The chart below counts the answers."), and sixteen paragraphs after it.</summary>
    private static string BuildWithChart(int paragraphs, int sentences, out IssueFolder folder) =>
        BuildWithImage(Paragraphs(paragraphs, "Before") + " " + string.Concat(Enumerable.Repeat(Sentence, sentences)) +
            " The chart below counts the answers.\n\n![Answers by group.](../images/chart.png)\n\n" + Paragraphs(16, "After") + "\n",
            "chart.png", out folder);

    [Fact]
    public void A_figure_in_a_column_that_does_not_fit_at_the_columns_foot_heads_the_next_column_and_the_text_after_it_fills_the_foot()
    {
        // More and more text before a chart in a column, so that it lands at every height of a column: where it does not
        // fit, the column it would have left short is filled by the text after it and the chart heads the next column,
        // always after its reference, with its caption under it.
        double lastBaseline = Config.LineTop(Config.LinesPerPage - 1) + Config.BaselineOffset;
        int headed = 0;
        // Each step adds a sentence before the chart: about a grid line in a column.
        for (int before = 0; before <= 12; before++)
        {
            var pdf = BuildWithChart(6, before, out var folder);
            using var _ = folder;

            var chars = StructuredText.Read(pdf);
            var image = Assert.Single(Images(pdf));
            var (referencePage, reference) = Find(chars, "The chart below counts the answers.");
            var (captionPage, caption) = Find(chars, "Answers by group.");
            Assert.True(referencePage < image.Page || (referencePage == image.Page && (reference.Baseline < image.Top || reference.X < image.Left - Config.ColumnGap)),
                $"{before}: the chart (page {image.Page}) comes before its reference (page {referencePage})");
            Assert.Equal(image.Page, captionPage);
            Assert.InRange(caption.Baseline, image.Top + image.Height, image.Top + image.Height + 2 * Config.Leading);
            if (image.Top > Config.LineTop(1)) continue; // it fitted where it is referenced
            headed++;
            // It heads a column: the column before it (the left one, or the right one of the page before) is full.
            double middle = chars.Where(c => c.Page == image.Page).Average(c => c.X);
            bool right = image.Left > middle;
            var column = chars.Where(c => right ? c.Page == image.Page && c.X < image.Left - Config.ColumnGap
                : c.Page == image.Page - 1 && c.X > middle).ToList();
            Assert.True(column.Max(c => c.Baseline) >= lastBaseline - Config.Leading - 0.5,
                $"{before}: the column before the chart ends at {column.Max(c => c.Baseline):0.0} pt, more than a line above the foot ({lastBaseline:0.0} pt)");
        }
        Assert.True(headed > 0, "the chart never had to head a column");
    }

    [Fact]
    public void A_figure_in_a_column_is_set_at_the_head_or_the_foot_of_its_column_never_in_its_middle()
    {
        // More and more text before a chart in a column, with plenty after it: wherever the chart lands, it heads its
        // column (nothing of the column above it, under the band that opens the region) or ends it (its caption the
        // column's last text), and comes after its reference.
        int atFoot = 0;
        for (int before = 0; before <= 12; before += 3)
        {
            var pdf = BuildWithChart(3, before, out var folder);
            using var _ = folder;

            var chars = StructuredText.Read(pdf);
            var image = Assert.Single(Images(pdf));
            var (_, reference) = Find(chars, "The chart below counts the answers.");
            var (_, caption) = Find(chars, "Answers by group.");
            double left = image.Left - Config.ColumnGap / 2, right = image.Left + image.Width + Config.ColumnGap / 2;
            // The region's top: the lowest rule across the text block above the chart (the opener's), or the block's top.
            double regionTop = PageContent.Read(pdf).Where(b => b.Page == image.Page && b.Path && b.X1 - b.X0 >= Config.BlockWidth * 0.9
                                                                 && b.Y1 < image.Top).Select(b => b.Y1).DefaultIfEmpty(Config.Top).Max();
            var column = chars.Where(c => c.Page == image.Page && c.X >= left && c.Right <= right && c.Text.Trim().Length > 0
                                          && c.Baseline < Config.LineTop(Config.LinesPerPage)).ToList();
            var above = column.Where(c => c.Baseline > regionTop && c.Baseline < image.Top).ToList();
            var below = column.Where(c => c.Baseline > caption.Baseline + 1).ToList();
            Assert.True(above.Count == 0 || below.Count == 0,
                $"{before}: the chart is in the middle of its column: '{string.Concat(below.Take(40).Select(c => c.Text))}' under it");
            Assert.True(reference.Page < image.Page || reference.Baseline < image.Top || reference.X < left,
                $"{before}: the chart comes before its reference");
            if (above.Count > 0) atFoot++;
        }
        Assert.True(atFoot > 0, "the chart never went to the foot of its column");
    }

    [Fact]
    public void A_footnote_of_900_words_builds_and_is_printed_whole_at_its_articles_end_with_a_warning()
    {
        // Too tall for the foot of a column (it would take pages), the note goes under the article's last line,
        // flowing through the columns like text; nothing of it is lost, and the build ends.
        var words = string.Join(' ', Enumerable.Range(0, 900).Select(i => i % 50 == 49 ? $"word{i}." : $"word{i}"));
        var article = "---\ntitle: Notes\nlang: en\n---\n\nA short text with a long note.[^1]\n\n[^1]: " + words + "\n";
        using var folder = new IssueFolder(IssueFolder.Manifest("en", "a.md"), ("a.md", article));
        var pdf = folder.Output("notes.pdf");
        var run = Cli.Run(Repo.Root, "build", folder.Path, "--out", pdf);
        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Contains("a.md:1:1: warning[long-footnote]: footnote 1 takes", run.StdErr, StringComparison.Ordinal);
        var text = PdfTools.Normalize(PdfTools.Ok("pdftotext", pdf, "-"));
        Assert.All(Enumerable.Range(0, 900).Where(i => i % 97 == 0 || i == 899), i => Assert.Contains($"word{i}", text, StringComparison.Ordinal));
        // The note comes after the article's text.
        Assert.True(text.IndexOf("word0", StringComparison.Ordinal) > text.IndexOf("a long note", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_footnote_is_at_the_foot_of_the_column_and_page_that_call_it()
    {
        var built = BuiltIssues.Get("samples/long-article");
        var config = built.Config;
        var body = built.Chars.Where(c => Math.Abs(c.Size - config.BodySize) < 0.01).ToList();
        // A call is a raised digit (0.62 of the body size) in a body line; its note is a 7.5 pt line that starts with the number.
        var calls = built.Chars.Where(c => c.Size < config.BodySize * 0.7 && char.IsAsciiDigit(c.Text[0])
                                           && body.Any(b => b.Line == c.Line)).ToList();
        // A note's first line is its number and an en space; its other lines may start with a digit too (1970s).
        var noteStarts = built.Chars.Where(c => Math.Abs(c.Size - 7.5) < 0.01).GroupBy(c => c.Line)
            .Where(g => g.Count() > 1 && char.IsAsciiDigit(g.First().Text[0]) && g.ElementAt(1).Text.Trim().Length == 0)
            .Select(g => g.First()).ToList();
        Assert.Equal(4, calls.Count);
        Assert.Equal(4, noteStarts.Count);
        foreach (var call in calls)
        {
            var note = Assert.Single(noteStarts, n => n.Text == call.Text);
            Assert.Equal(call.Page, note.Page);
            bool sameColumn = Math.Abs((call.X - config.BlockLeft(call.Page)) / (config.ColumnWidth + config.ColumnGap) -
                                       (note.X - config.BlockLeft(note.Page)) / (config.ColumnWidth + config.ColumnGap)) < 1
                              && (call.X < config.BlockLeft(call.Page) + config.ColumnWidth) == (note.X < config.BlockLeft(note.Page) + config.ColumnWidth);
            Assert.True(sameColumn, $"note {call.Text} is not in the column of its call");
            // At the foot of the column: under its call, and no body text of that column below it (on the last page
            // of an article the column ends where its balanced region does).
            bool InNoteColumn(PdfChar c) => c.Page == note.Page && Math.Abs(c.X - note.X) < config.ColumnWidth && c.X >= note.X - 1;
            Assert.True(note.Baseline > call.Baseline, $"note {call.Text} is above its call");
            Assert.DoesNotContain(body, c => InNoteColumn(c) && c.Baseline > note.Baseline);
        }
    }
}
