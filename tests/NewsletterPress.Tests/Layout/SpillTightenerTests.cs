using NewsletterPress.Content;
using NewsletterPress.Diagnostics;
using NewsletterPress.Display;
using NewsletterPress.Layout;
using NewsletterPress.Manifest;
using NewsletterPress.Tests.Support;
using NewsletterPress.Text;

namespace NewsletterPress.Tests.Layout;

/// <summary>An article whose last lines spill onto a page of their own is pulled back by setting paragraphs a line shorter.</summary>
public sealed class SpillTightenerTests : IDisposable
{
    private readonly FontLibrary _fonts = new(Style.Default.Fonts, Repo.Root);
    private static readonly LayoutConfig Config = LayoutConfig.From(Style.Default, new WarningLog());

    public void Dispose() => _fonts.Dispose();

    /// <summary>Japanese paragraphs full of 、「」 (whose blanks can shrink), of varied lengths.</summary>
    /// <param name="tail">Characters added to the last paragraph, to move the article's end a little at a time.</param>
    private static string Article(int paragraphs, int tail = 0)
    {
        const string Sentence = "市民社会は、国家・市場・家族のいずれとも異なる「公共性」を担う領域であり、さまざまな団体や運動から成る。";
        var body = string.Join("\n\n", Enumerable.Range(0, paragraphs).Select(p =>
            string.Concat(Enumerable.Repeat(Sentence, 2 + p % 4)) + "その役割は時代によって変わ" + new string('る', 1 + p % 3) + "。"));
        return $"---\ntitle: T\nlang: ja\n---\n\n{body}{string.Concat(Enumerable.Repeat("市民社会", tail))}。\n";
    }

    private (List<FlowLine> Lines, BlockComposer Composer) Compose(string folder)
    {
        var issue = IssueLoader.Load(folder);
        var article = ArticleLoader.Load(issue.Articles[0].Path, "ja", issue.Folder, new WarningLog());
        var composer = new BlockComposer(new ParagraphSetter(_fonts), Config, new TypeScale(Config.BodySize, Ink.Black), new WarningLog(), new StructureBuilder());
        var parts = composer.Compose(article, Config.ColumnWidth, 0, "a");
        return (((ColumnLines)Assert.Single(parts)).Lines, composer);
    }

    [Fact]
    public void A_spill_of_a_line_or_two_comes_back_onto_the_page_before_and_only_paragraphs_with_room_change()
    {
        // Find an article length whose natural setting spills one or two lines onto a second page.
        foreach (var (paragraphs, tail) in Enumerable.Range(10, 4).SelectMany(p => Enumerable.Range(0, 30).Select(t => (p, t))))
        {
            using var folder = new IssueFolder(IssueFolder.Manifest("ja", "a.md"), ("a.md", Article(paragraphs, tail)));
            var (lines, composer) = Compose(folder.Path);
            var flow = new PageFlow(Config);
            flow.NewPage();
            var (pages, spill) = flow.Plan(lines, 2);
            if (pages != 1 || spill is < 1 or > 2) continue;

            var (tightened, stranded) = SpillTightener.Tighten(lines, 2, flow, composer);
            Assert.Equal(0, stranded);
            Assert.Equal(0, flow.Plan(tightened, 2).NewPages);
            // Every changed paragraph is exactly one line shorter, and its lines are justified to the measure.
            foreach (var group in tightened.GroupBy(l => l.Paragraph).Where(g => g.Key >= 0))
            {
                int before = lines.Count(l => l.Paragraph == group.Key);
                Assert.InRange(before - group.Count(), 0, 1);
                if (before == group.Count()) continue;
                foreach (var line in group.SkipLast(1).SelectMany(l => l.Fragments.OfType<TextFragment>()))
                    Assert.Equal(Config.ColumnWidth, line.X + line.Line.Glyphs[^1].X + line.Line.Glyphs[^1].Advance, 0.5);
            }
            Assert.Equal(string.Concat(lines.SelectMany(l => l.Fragments.OfType<TextFragment>()).Select(t => t.Line.Text)),
                string.Concat(tightened.SelectMany(l => l.Fragments.OfType<TextFragment>()).Select(t => t.Line.Text)));
            return;
        }
        Assert.Fail("no article length spilled one or two lines");
    }

    [Fact]
    public void A_spill_longer_than_a_few_lines_is_left_alone()
    {
        using var folder = new IssueFolder(IssueFolder.Manifest("ja", "a.md"), ("a.md", Article(16)));
        var (lines, composer) = Compose(folder.Path);
        var flow = new PageFlow(Config);
        flow.NewPage();
        var (pages, spill) = flow.Plan(lines, 2);
        Assert.True(pages >= 1 && spill > 4, $"the article should spill more than four lines, not {spill}");
        var (same, stranded) = SpillTightener.Tighten(lines, 2, flow, composer);
        Assert.Same(lines, same);
        Assert.Equal(0, stranded); // a page of text, not a stray end
    }
}
