using NewsletterPress.Content;
using NewsletterPress.Diagnostics;
using NewsletterPress.Layout;
using NewsletterPress.Layout.Collect;
using NewsletterPress.Layout.Plan;
using NewsletterPress.Manifest;
using NewsletterPress.Shared;
using NewsletterPress.Tests.Support;
using NewsletterPress.Text;

namespace NewsletterPress.Tests.Layout;

/// <summary>The planner's pieces on a real article: the lengths a paragraph offers, set once and kept, and within the bar.</summary>
public sealed class PlannerTests : IDisposable
{
    private readonly FontLibrary _fonts = new(Style.Default.Fonts, Repo.Root);
    private static readonly LayoutConfig Config = LayoutConfig.From(Style.Default, new WarningLog());

    public void Dispose() => _fonts.Dispose();

    /// <summary>Japanese paragraphs full of 、「」 (whose blanks can shrink), of lengths that leave every length of last
    /// line: a short one the lines above can take back, a long one that can make a line more.</summary>
    private static string Japanese(int paragraphs)
    {
        const string Sentence = "市民社会は、国家・市場・家族のいずれとも異なる「公共性」を担う領域であり、さまざまな団体や運動から成る。";
        const string Filler = "地域の団体や運動が互いに支え合いながら役割を広げてきたと言えるだろう";
        return "---\ntitle: T\nlang: ja\n---\n\n" + string.Join("\n\n", Enumerable.Range(0, paragraphs).Select(p =>
            string.Concat(Enumerable.Repeat(Sentence, 2 + p % 3)) + Filler[..(p * 7 % Filler.Length)] + "。")) + "\n";
    }

    private CollectedArticle Collect(string folder)
    {
        var issue = IssueLoader.Load(folder);
        var article = ArticleLoader.Load(issue.Articles[0].Path, "ja", issue.Folder, new WarningLog());
        var collector = new ArticleCollector(issue, new ParagraphSetter(_fonts), Config, new TypeScale(Config.BodySize, Ink.Black),
            new WarningLog(), new StructureBuilder());
        return collector.Collect(article, issue.Articles[0], 0, joinsColumnRun: false, mayRunIn: false);
    }

    [Fact]
    public void A_paragraph_is_set_a_line_shorter_or_longer_once_and_the_setting_kept()
    {
        using var folder = new IssueFolder(IssueFolder.Manifest("ja", "a.md"), ("a.md", Japanese(20)));
        var article = Collect(folder.Path);
        var group = new FlowGroup([new GroupMember(article, JoinMode.None)], Config.Leading);
        var shorter = group.Variant(-2);
        var longer = group.Variant(3);
        Assert.NotNull(shorter);
        Assert.NotNull(longer);
        // Asked again, the planner gets the very same lines: nothing is set twice.
        Assert.Same(shorter, group.Variant(-2));
        foreach (var p in shorter.Shorter) Assert.Same(article.Alternatives.Lines(p, -1), article.Alternatives.Lines(p, -1));
        int Lines(GroupVariant v) => v.Parts.OfType<ColumnLines>().Sum(c => c.Lines.Count);
        Assert.Equal(Lines(group.Base) - 2, Lines(shorter));
        Assert.Equal(Lines(group.Base) + 3, Lines(longer));
        // The text is the same, only broken differently.
        string Text(GroupVariant v) => string.Concat(v.Parts.OfType<ColumnLines>().SelectMany(c => c.Lines)
            .SelectMany(l => l.Fragments.OfType<TextFragment>()).Select(t => t.Line.Text));
        Assert.Equal(Text(group.Base), Text(shorter));
        Assert.Equal(Text(group.Base), Text(longer));
    }

    [Fact]
    public void Figures_in_a_column_set_smaller_cost_in_proportion_to_how_much_smaller()
    {
        using var folder = new IssueFolder(IssueFolder.Manifest("ja", "a.md"),
            ("a.md", Japanese(4) + "\n![図の説明](../images/chart.png)\n\n![二枚目](../images/chart.png)\n"));
        Directory.CreateDirectory(Path.Combine(folder.Path, "images"));
        NewsletterPress.Tests.Pdf.TestImages.Png(Path.Combine(folder.Path, "images", "chart.png"), 800, 600, SkiaSharp.SKColors.SteelBlue);
        var group = new FlowGroup([new GroupMember(Collect(folder.Path), JoinMode.None)], Config.Leading);
        Assert.NotEmpty(group.FigureScales); // the two figures in a column offer smaller sizes
        int variants = 0;
        foreach (var scale in group.FigureScales)
        {
            var smaller = group.Variant(0, figureScale: scale);
            if (smaller is null) continue;
            variants++;
            // Both figures are set at that size, each charged for the part of a whole size it lost; nothing else changed.
            Assert.Equal(2 * (1 - scale) * PlanCost.FigureSmaller, smaller.Cost, 6);
        }
        Assert.True(variants > 0, "no length with the figures set smaller");
        Assert.Equal(0, group.Base.Cost);
    }

    [Fact]
    public void Every_other_setting_keeps_to_the_bar_justified_to_the_measure_with_characters_spread_at_most_an_eighth_em()
    {
        using var folder = new IssueFolder(IssueFolder.Manifest("ja", "a.md"), ("a.md", Japanese(20)));
        var article = Collect(folder.Path);
        int offered = 0;
        foreach (var paragraph in article.Paragraphs)
            foreach (var looseness in (int[])[-1, 1])
            {
                if (article.Alternatives.Lines(paragraph, looseness) is not { } lines) continue;
                offered++;
                var set = lines.SelectMany(l => l.Fragments.OfType<TextFragment>()).Select(t => t.Line).ToList();
                foreach (var line in set.SkipLast(1))
                {
                    Assert.True(line.Justified, line.Text);
                    Assert.InRange(line.InterCharacterRatio, 0, 1 + 1e-9);
                    Assert.Equal(0, line.LetterRatio);
                    Assert.InRange(line.SpaceRatio, -1 - 1e-9, 1 + 1e-9);
                }
                Assert.True(set[^1].NaturalWidth >= 2 * Config.BodySize, $"a last line of one character: {set[^1].Text}");
            }
        Assert.True(offered >= 4, $"only {offered} other settings were offered");
    }
}
