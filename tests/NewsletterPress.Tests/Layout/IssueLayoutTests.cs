using NewsletterPress.Diagnostics;
using NewsletterPress.Display;
using NewsletterPress.Layout;
using NewsletterPress.Manifest;
using NewsletterPress.Tests.Support;
using SkiaSharp;

namespace NewsletterPress.Tests.Layout;

/// <summary>The display list of real issues: figures, tables, structure, furniture.</summary>
public class IssueLayoutTests
{
    private static (Issue Issue, DisplayDocument Document, WarningLog Warnings) Compose(string folder)
    {
        var warnings = new WarningLog();
        var (issue, document) = IssueBuild.Compose(Repo.Path(folder), warnings);
        return (issue, document, warnings);
    }

    [Fact]
    public void Figures_fit_their_column_or_span_the_block_and_are_never_enlarged_below_150_dpi()
    {
        var (issue, document, warnings) = Compose("samples/figures-and-tables");
        Assert.DoesNotContain(warnings.All, w => w.Code == WarningCode.ImageScaled);
        var config = LayoutConfig.From(issue.Style, new WarningLog());
        var images = document.Pages.SelectMany(p => p.Items.OfType<ImageItem>()).ToList();
        Assert.Equal(2, images.Count);
        foreach (var image in images)
        {
            using var codec = SKCodec.Create(image.Path);
            double dpi = codec.Info.Width / (image.Width / 72);
            Assert.True(dpi >= 149.9, $"{Path.GetFileName(image.Path)} printed at {dpi:0} dpi");
            Assert.Equal(codec.Info.Height / (double)codec.Info.Width, image.Height / image.Width, 3);
        }
        var chart = images.Single(i => i.Path.EndsWith("chart.png", StringComparison.Ordinal));
        Assert.True(chart.Width <= config.ColumnWidth * 0.9 + 0.01);
        var photo = images.Single(i => i.Path.EndsWith("harbour.jpg", StringComparison.Ordinal));
        Assert.True(photo.X > config.BlockLeft(2) + config.ColumnWidth / 2, "a spanning figure is centred on the text block");
    }

    [Fact]
    public void Every_body_glyph_run_belongs_to_a_structure_element_and_footers_are_artifacts()
    {
        var (_, document, _) = Compose("issues/vol-11");
        var structure = document.Structure;
        Assert.Equal(StructureRole.Document, structure[0].Role);
        Assert.All(structure.Skip(1), e => Assert.True(e.Parent < e.Id, "parents come before their children"));
        Assert.Equal(3, structure.Count(e => e.Role == StructureRole.Art));
        Assert.Equal(3, structure.Count(e => e.Role == StructureRole.H1));
        foreach (var page in document.Pages.Skip(1))
        {
            var runs = page.Items.OfType<GlyphRun>().ToList();
            var footer = runs.Where(r => r.Y > 780).ToList();
            Assert.NotEmpty(footer);
            Assert.All(footer, r => Assert.Null(r.Element));
            Assert.All(runs.Except(footer), r => Assert.NotNull(r.Element));
        }
    }

    [Fact]
    public void Table_columns_keep_their_alignment_and_numbers_line_up_at_the_right()
    {
        var (_, document, _) = Compose("samples/figures-and-tables");
        var runs = document.Pages[1].Items.OfType<GlyphRun>().ToList();
        var numbers = runs.Where(r => r.Text is "118" or "31" or "22" or "43").ToList();
        Assert.Equal(4, numbers.Count);
        var rightEdges = numbers.Select(r => r.X + r.Glyphs[^1].X + r.Glyphs[^1].Advance).ToList();
        Assert.True(rightEdges.Max() - rightEdges.Min() < 0.01, string.Join(", ", rightEdges));
    }

    [Fact]
    public void The_issue_hyphenation_list_keeps_a_word_whole_or_breaks_it_only_where_written()
    {
        const string Text = "Internationalization and internationalization again: the internationalization of " +
                            "organizations, cooperation and internationalization. ";
        string Article(string words) => $"---\ntitle: T\nlang: en\n---\n\n{string.Concat(Enumerable.Repeat(words, 12))}\n";
        // The word pieces that end a line with a discretionary hyphen.
        List<string> BrokenWords(string manifestExtra)
        {
            using var folder = new IssueFolder(IssueFolder.Manifest("en", "a.md") + manifestExtra, ("a.md", Article(Text)));
            var (_, document) = IssueBuild.Compose(folder.Path, new WarningLog());
            return document.Pages.SelectMany(p => p.Items.OfType<GlyphRun>())
                .Select(r => r.Text).Where(t => t.EndsWith('\u00AD'))
                .Select(t => t.TrimEnd('\u00AD').Split(' ')[^1].ToLowerInvariant()).ToList();
        }
        bool InsideTheWord(string piece) => "internationalization".StartsWith(piece, StringComparison.Ordinal);

        Assert.Contains(BrokenWords(""), InsideTheWord);
        Assert.DoesNotContain(BrokenWords("hyphenation:\n  - internationalization\n"), InsideTheWord);
        Assert.All(BrokenWords("hyphenation:\n  - internation-alization\n").Where(InsideTheWord), p => Assert.Equal("internation", p));
    }

    [Fact]
    public void A_hyphenation_exception_that_is_not_a_word_is_an_error_at_its_line()
    {
        using var folder = new IssueFolder(IssueFolder.Manifest("en", "a.md") + "hyphenation:\n  - co op\n", ("a.md", "---\ntitle: T\n---\n\nText.\n"));
        var e = Assert.Throws<InputException>(() => IssueLoader.Load(folder.Path));
        Assert.Equal(9, e.Position!.Line);
        Assert.Contains("Ta-jik-i-stan", e.Message);
    }

    private static IEnumerable<(int Page, GlyphRun Run)> Runs(DisplayDocument document) =>
        document.Pages.SelectMany((p, i) => p.Items.OfType<GlyphRun>().Select(r => (i + 1, r)));

    [Fact]
    public void An_article_that_starts_in_a_new_column_has_its_opener_at_the_head_of_a_column_and_as_wide_as_it()
    {
        var (issue, document, warnings) = Compose("samples/english-only");
        Assert.Equal(ArticleStart.NewColumn, issue.Articles[1].Start);
        Assert.DoesNotContain(warnings.All, w => w.Code == WarningCode.NewColumnNotJoined);
        var config = LayoutConfig.From(issue.Style, new WarningLog());
        var (page, kicker) = Runs(document).Single(r => r.Run.Text == "NOTICE");
        double left = config.BlockLeft(page);
        double[] columnLefts = [left, left + config.ColumnWidth + config.ColumnGap];
        Assert.Contains(columnLefts, x => Math.Abs(x - kicker.X) < 0.01);
        double column = columnLefts.Single(x => Math.Abs(x - kicker.X) < 0.01);
        Assert.InRange(kicker.Y, config.LineTop(0), config.LineTop(1));
        // The opener is set to the column, and nothing else is drawn in that column above it.
        var opener = document.Pages[page - 1].Items.OfType<GlyphRun>()
            .Where(r => r.Y < kicker.Y + 60 && r.X >= column - 0.01 && r.X < column + config.ColumnWidth).ToList();
        Assert.Contains(opener, r => r.Text.StartsWith("Repair Caf", StringComparison.Ordinal));
        Assert.All(opener, r => Assert.True(r.X + r.Glyphs[^1].X + r.Glyphs[^1].Advance <= column + config.ColumnWidth + 0.01, r.Text));
        Assert.DoesNotContain(document.Pages[page - 1].Items.OfType<GlyphRun>(), r => r.Y < kicker.Y - 1 && Math.Abs(r.X - column) < config.ColumnWidth / 2);
        // The contents line links to that page.
        Assert.Equal(page, document.Outline[1].Destination is { } d ? PageOf(document, d) : 0);
    }

    private static int PageOf(DisplayDocument document, string anchor) =>
        document.Pages.Select((p, i) => (p, i)).Single(x => x.p.Items.OfType<Anchor>().Any(a => a.Name == anchor)).i + 1;

    [Fact]
    public void New_column_between_articles_of_different_column_counts_is_reported_and_starts_the_article_below()
    {
        const string Manifest = "newsletter: Test Letter\nvolume: 3\ndate: 2024-01-15\npublisher: Tester\nlanguage: en\narticles:\n" +
                                "  - articles/a.md\n  - path: articles/b.md\n    start: new-column\n";
        using var folder = new IssueFolder(Manifest,
            ("a.md", "---\ntitle: One\ncolumns: 1\n---\n\nA short text.\n"), ("b.md", "---\ntitle: Two\n---\n\nAnother text.\n"));
        var warnings = new WarningLog();
        IssueBuild.Compose(folder.Path, warnings);
        var warning = Assert.Single(warnings.All, w => w.Message.Contains("new-column"));
        Assert.Equal(8, warning.Position!.Line);
    }

    [Fact]
    public void Contents_on_a_page_of_their_own_keep_page_1_to_themselves_and_a_mostly_white_one_is_reported_at_the_placement()
    {
        const string Manifest = "newsletter: Test Letter\nvolume: 3\ndate: 2024-01-15\npublisher: Tester\nlanguage: en\n" +
                                "contents:\n  placement: own-page\narticles:\n  - articles/a.md\n  - articles/b.md\n";
        using var folder = new IssueFolder(Manifest,
            ("a.md", "---\ntitle: First Article\n---\n\nA short text.\n"), ("b.md", "---\ntitle: Second Article\n---\n\nAnother text.\n"));
        var warnings = new WarningLog();
        var (_, document) = IssueBuild.Compose(folder.Path, warnings);
        var runs = Runs(document).ToList();
        Assert.Equal(1, runs.First(r => r.Run.Text.Contains("CONTENTS", StringComparison.Ordinal)).Page);
        Assert.All(runs.Where(r => r.Run.Text.Contains("text.", StringComparison.Ordinal)), r => Assert.True(r.Page > 1));
        var warning = Assert.Single(warnings.All, w => w.Code == WarningCode.EmptyContentsPage);
        Assert.Equal((7, 14), (warning.Position!.Line, warning.Position.Column));
    }

    [Fact]
    public void Footnotes_at_the_article_end_follow_its_last_line_in_the_same_column_under_a_rule()
    {
        const string Manifest = "newsletter: Test Letter\nvolume: 3\ndate: 2024-01-15\npublisher: Tester\nlanguage: en\n" +
                                "style:\n  footnotes: article-end\narticles:\n  - articles/a.md\n";
        string paragraph = string.Join(' ', Enumerable.Repeat("The tool library lends ladders, drills and saws to its neighbours.", 6));
        using var folder = new IssueFolder(Manifest, ("a.md",
            $"---\ntitle: Notes\n---\n\n{paragraph}\n\n{paragraph}[^1]\n\n{paragraph} Thank you.\n\n[^1]: The owner kindly offered to extend it.\n"));
        var (issue, document) = IssueBuild.Compose(folder.Path, new WarningLog());
        Assert.Equal(FootnotePlacement.ArticleEnd, issue.Style.Footnotes);
        var config = LayoutConfig.From(issue.Style, new WarningLog());
        var runs = Runs(document).ToList();
        var note = runs.Single(r => r.Run.Text.Contains("kindly offered", StringComparison.Ordinal));
        // The article's last body line: the last run above the note in its column.
        var lastLine = runs.Where(r => r.Page == note.Page && Math.Abs(r.Run.X - note.Run.X) < 1 && r.Run.Y < note.Run.Y)
            .MaxBy(r => r.Run.Y);
        Assert.EndsWith("you.", lastLine.Run.Text);
        // Under the rule, a line or two below the last line (a blank line more above the rule may even out the columns).
        Assert.InRange(note.Run.Y - lastLine.Run.Y, config.Leading, 4 * config.Leading);
        var rule = document.Pages[note.Page - 1].Items.OfType<Rule>().Single(r => r.Y1 > lastLine.Run.Y && r.Y1 < note.Run.Y);
        Assert.Equal(config.ColumnWidth / 3, rule.X2 - rule.X1, 2);
        // The note is where the article ends, far above the column foot where a foot note would sit.
        Assert.True(note.Run.Y < config.LineTop(config.LinesPerPage) - 10 * config.Leading);
    }

    [Fact]
    public void A_spanning_table_taller_than_a_page_is_split_between_rows_with_a_warning_and_loses_no_row()
    {
        var rows = string.Concat(Enumerable.Range(1, 90).Select(i =>
            $"| Row {i} | a description long enough to need the width of both columns | {i * 7} | {i * 11} |\n"));
        var article = "---\ntitle: Long table\nlang: en\n---\n\nThe table follows.\n\n| Item | Description | Count | Total |\n|---|---|--:|--:|\n" + rows;
        using var folder = new IssueFolder(IssueFolder.Manifest("en", "a.md"), ("a.md", article));
        var warnings = new WarningLog();
        var (issue, document) = IssueBuild.Compose(folder.Path, warnings);
        Assert.Contains(warnings.All, w => w.Message.Contains("taller than a page") && w.Position!.Line == 8);
        var config = LayoutConfig.From(issue.Style, new WarningLog());
        var rowLabels = document.Pages.SelectMany(p => p.Items.OfType<GlyphRun>()).Select(r => r.Text)
            .Where(t => t.StartsWith("Row ", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(1, 90).Select(i => $"Row {i}"), rowLabels);
        Assert.True(document.Pages.Length >= 3);
        foreach (var page in document.Pages)
            Assert.All(page.Items.OfType<GlyphRun>().Where(r => r.Text.StartsWith("Row ", StringComparison.Ordinal)),
                r => Assert.True(r.Y < config.LineTop(config.LinesPerPage), $"row {r.Text} at {r.Y:0} is below the text block"));
        // Every page the table continues on starts with its header, as an artifact (read once, in the first).
        var headers = document.Pages.Select(p => p.Items.OfType<GlyphRun>().Where(r => r.Text == "Description").ToList()).ToList();
        var tablePages = document.Pages.Select((p, i) => (p, i)).Where(x => x.p.Items.OfType<GlyphRun>().Any(r => r.Text.StartsWith("Row ", StringComparison.Ordinal))).Select(x => x.i).ToList();
        Assert.All(tablePages, i => Assert.Single(headers[i]));
        Assert.Single(headers.SelectMany(h => h), r => r.Element is not null);
    }

    [Fact]
    public void Vol11s_world_report_leaves_no_lines_stranded_on_a_page_of_their_own()
    {
        // Planned line by line, vol-11's World Report ran two lines onto a page of their own. Planned as an issue, every
        // page it is on holds at least ten of its lines, and the build has nothing stranded to report.
        var (issue, document, warnings) = Compose("issues/vol-11");
        var config = LayoutConfig.From(issue.Style, new WarningLog());
        Assert.DoesNotContain(warnings.All, w => w.Code == WarningCode.StrandedLines && w.Position!.File.EndsWith("world-report.md", StringComparison.Ordinal));
        var report = document.Structure.Where(e => e.Role == StructureRole.Art).ElementAt(1).Id;
        bool InReport(int? element)
        {
            for (var e = element; e is { } id; e = document.Structure[id].Parent)
                if (id == report) return true;
            return false;
        }
        // A line is a baseline in a column (a line may be drawn as several runs).
        var linesPerPage = document.Pages.Select((p, i) => p.Items.OfType<GlyphRun>()
                .Where(r => InReport(r.Element) && Math.Abs(r.Size - config.BodySize) < 0.01)
                .Select(r => (r.X < config.BlockLeft(i + 1) + config.ColumnWidth, Math.Round(r.Y, 1))).Distinct().Count())
            .Where(n => n > 0).ToList();
        Assert.True(linesPerPage.Count >= 2, "the World Report runs over pages");
        Assert.All(linesPerPage, n => Assert.True(n >= 10, $"a page holds only {n} lines of the World Report: {string.Join(", ", linesPerPage)}"));
    }

    [Fact]
    public void A_field_label_longer_than_the_tab_allows_wraps_under_itself_and_loses_nothing()
    {
        const string Label = "参加申し込みの締め切りと問い合わせ先についてのご案内";
        using var folder = new IssueFolder(IssueFolder.Manifest("ja", "a.md"),
            ("a.md", $"---\ntitle: T\n---\n\n{Label}：事務局まで\n日時：明日 {{.fields}}\n"));
        var warnings = new WarningLog();
        var (issue, document) = IssueBuild.Compose(folder.Path, warnings);
        var config = LayoutConfig.From(issue.Style, new WarningLog());
        // The article's text on its page: what comes after its title, without the footer (an artifact).
        var title = document.Pages[^1].Items.OfType<GlyphRun>().Where(r => r.Text == "T").MaxBy(r => r.Size)!;
        var runs = document.Pages[^1].Items.OfType<GlyphRun>().Where(r => r.Element is not null && r.Y > title.Y).ToList();
        var labelText = string.Concat(runs.Where(r => r.Text is not ("事務局まで" or "明日")).Select(r => r.Text));
        Assert.True(labelText.Contains(Label + "：", StringComparison.Ordinal), labelText);
        // Values start at one tab, right of every label line, and the tab leaves the value most of the column.
        var values = runs.Where(r => r.Text is "事務局まで" or "明日").ToList();
        Assert.Equal(2, values.Count);
        // Measured from the left of the column each is in (a short article's rows may be balanced into two columns).
        double left = config.BlockLeft(document.Pages.Length), pitch = config.ColumnWidth + config.ColumnGap;
        double Tab(GlyphRun r) => (r.X - left) % pitch;
        Assert.Equal(Tab(values[0]), Tab(values[1]), 2);
        Assert.InRange(Tab(values[0]), 0, config.ColumnWidth * 0.4 + 0.01);
        var first = values.Single(v => v.Text == "事務局まで");
        int Column(GlyphRun r) => (int)Math.Floor((r.X - left) / pitch);
        Assert.All(runs.Except(values).Where(r => Column(r) == Column(first)),
            r => Assert.True(r.X + r.Glyphs[^1].X + r.Glyphs[^1].Advance <= first.X + 0.01, r.Text));
    }

    [Fact]
    public void A_newsletter_name_too_long_for_the_masthead_is_an_error_at_its_key_not_a_lost_line()
    {
        var manifest = IssueFolder.Manifest("en", "a.md").Replace("newsletter: Test Letter",
            "newsletter: The Quarterly Bulletin of the Association of Neighbourhood Gardens and Allotments", StringComparison.Ordinal);
        using var folder = new IssueFolder(manifest, ("a.md", "---\ntitle: T\n---\n\nText.\n"));
        var e = Assert.Throws<InputException>(() => IssueBuild.Compose(folder.Path, new WarningLog()));
        Assert.Equal(1, e.Position!.Line);
        Assert.Contains("too long", e.Message);
        Assert.Contains("shorten", e.Message);
    }

    [Fact]
    public void A_donation_label_too_long_for_the_box_is_an_error_at_its_line()
    {
        var manifest = IssueFolder.Manifest("ja", "a.md") +
                       "donation:\n  lead: ご支援ください。\n  details:\n    - 口座番号: 4569420\n" +
                       "    - お振込みの際にはお名前とご住所を通信欄に必ずご記入くださいますようお願い申し上げます: 事務局\n";
        using var folder = new IssueFolder(manifest, ("a.md", "---\ntitle: T\n---\n\n本文。\n"));
        var e = Assert.Throws<InputException>(() => IssueBuild.Compose(folder.Path, new WarningLog()));
        Assert.Equal(12, e.Position!.Line);
        Assert.Contains("too long", e.Message);
    }

    [Fact]
    public void A_table_split_across_columns_repeats_its_header_at_the_head_of_each_column_as_an_artifact()
    {
        var rows = string.Concat(Enumerable.Range(1, 70).Select(i => $"| Row {i} | {i * 3} |\n"));
        var article = "---\ntitle: T\n---\n\n開催記録は次のとおり。\n\n| 回 | 参加者 |\n|---|--:|\n" + rows;
        using var folder = new IssueFolder(IssueFolder.Manifest("ja", "a.md"), ("a.md", article));
        var (issue, document) = IssueBuild.Compose(folder.Path, new WarningLog());
        var config = LayoutConfig.From(issue.Style, new WarningLog());
        var runs = document.Pages.SelectMany((p, i) => p.Items.OfType<GlyphRun>().Select(r => (Page: i + 1, Run: r))).ToList();
        Assert.Equal(Enumerable.Range(1, 70).Select(i => $"Row {i}"), runs.Where(r => r.Run.Text.StartsWith("Row ", StringComparison.Ordinal)).Select(r => r.Run.Text));
        var headers = runs.Where(r => r.Run.Text == "参加者").ToList();
        // Every column holding rows has the header at its head; only the first is tagged content.
        var columnsWithRows = runs.Where(r => r.Run.Text.StartsWith("Row ", StringComparison.Ordinal))
            .Select(r => (r.Page, Column: r.Run.X < config.BlockLeft(r.Page) + config.ColumnWidth ? 0 : 1)).Distinct().ToList();
        Assert.True(columnsWithRows.Count >= 2, "the table should run over more than one column");
        Assert.Equal(columnsWithRows.Count, headers.Count);
        Assert.Single(headers, h => h.Run.Element is not null);
        foreach (var (page, column) in columnsWithRows)
        {
            var firstRow = runs.Where(r => r.Page == page && r.Run.Text.StartsWith("Row ", StringComparison.Ordinal)
                                           && (r.Run.X < config.BlockLeft(page) + config.ColumnWidth ? 0 : 1) == column).MinBy(r => r.Run.Y);
            Assert.Contains(headers, h => h.Page == page && h.Run.Y < firstRow.Run.Y && h.Run.Y > firstRow.Run.Y - 2 * config.Leading
                                          && (h.Run.X < config.BlockLeft(page) + config.ColumnWidth ? 0 : 1) == column);
        }
    }

    [Fact]
    public void A_table_in_a_column_splits_only_with_two_rows_on_each_side()
    {
        // The table meets a column foot at a different row for each count of one-line paragraphs before it.
        int splits = 0;
        for (int before = 22; before <= 32; before++)
        {
            var pieces = TableRowsPerColumn(before, 30);
            Assert.Equal(30, pieces.Sum());
            Assert.All(pieces, n => Assert.True(n >= 2, $"{before} lines before: rows split {string.Join("/", pieces)}"));
            if (pieces.Count > 1) splits++;
        }
        Assert.True(splits > 0, "the long table should have split at some column foot");
    }

    /// <summary>How many rows of a table of <paramref name="rowCount"/> rows, after <paramref name="before"/> one-line
    /// paragraphs, each column holds.</summary>
    private static List<int> TableRowsPerColumn(int before, int rowCount)
    {
        var text = string.Concat(Enumerable.Range(1, before).Select(i => $"第{i}段落。\n\n"));
        var rows = string.Concat(Enumerable.Range(1, rowCount).Select(i => $"| Row {i} | {i * 3} |\n"));
        using var folder = new IssueFolder(IssueFolder.Manifest("ja", "a.md"),
            ("a.md", "---\ntitle: T\n---\n\n" + text + "| 回 | 参加者 |\n|---|--:|\n" + rows + "\n終わり。\n"));
        var (issue, document) = IssueBuild.Compose(folder.Path, new WarningLog());
        var config = LayoutConfig.From(issue.Style, new WarningLog());
        return Runs(document).Where(r => r.Run.Text.StartsWith("Row ", StringComparison.Ordinal))
            .GroupBy(r => (r.Page, Column: r.Run.X < config.BlockLeft(r.Page) + config.ColumnWidth ? 0 : 1))
            .Select(g => g.Count()).ToList();
    }
}
