using CsCheck;
using NewsletterPress.Diagnostics;
using NewsletterPress.Shared;
using NewsletterPress.Tests.Support;
using NewsletterPress.Text;

namespace NewsletterPress.Tests.Properties;

/// <summary>
/// Whatever an editor writes, the tool answers with a layout or with an input error that
/// names a place: never another exception (which the CLI would report as a bug).
/// </summary>
public class RobustnessProperties
{
    /// <summary>Pieces an article is made of: Japanese and English text, punctuation that the
    /// JLREQ rules care about, Markdown syntax, and characters no font has.</summary>
    private static readonly string[] Pieces =
    [
        "市民社会", "の発展", "。", "、", "「", "」", "（", "）", "ー", "っ", "・", "——", "……", "3,000円", "50％",
        "Since", " the ", "COVID-19", "internationalization", " ", "\n", "\n\n", "## ", "### ", "- ", "1. ", "> ",
        "**", "*", "`", "[link](https://example.org)", "info@example.org", "|a|b|\n|---|---|\n|1|2|\n", "{.fields}",
        "日時：明日\n", "[^1]", "\n\n[^1]: note\n", "<b>", "\u00AD", "\uFB01", "\U0001F600", "\u200B", "\t", "民", "⺠",
    ];

    private static readonly Gen<string> Body = Gen.Int[0, Pieces.Length - 1].Array[0, 60]
        .Select(ix => string.Concat(ix.Select(i => Pieces[i])));

    [Fact]
    public void Any_article_body_lays_out_or_fails_with_a_positioned_input_error()
    {
        Body.Sample(body =>
        {
            using var folder = new IssueFolder(IssueFolder.Manifest("ja", "a.md"), ("a.md", "---\ntitle: T\n---\n\n" + body + "\n"));
            try
            {
                var (_, document) = IssueBuild.Compose(folder.Path, new WarningLog());
                Assert.NotEmpty(document.Pages);
            }
            catch (InputException e)
            {
                Assert.NotNull(e.Position);
            }
        }, iter: 60);
    }

    [Fact]
    public void Any_paragraph_breaks_into_lines_no_wider_than_the_measure_and_keeps_every_character()
    {
        using var fonts = new FontLibrary(NewsletterPress.Manifest.Style.Default.Fonts, Repo.Root);
        var setter = new ParagraphSetter(fonts);
        var text = Gen.Int[0, 18].Array[1, 80].Select(ix => string.Concat(ix.Select(i => Pieces[i]))).Where(t => t.Trim().Length > 0);
        Gen.Select(text, Gen.Int[8, 30], Gen.Bool.Select(b => b ? "ja" : "en")).Sample((t, ems, lang) =>
        {
            var lines = setter.Set([new TextRun(t, new TextStyle(FaceFamily.Serif, 10))], new ParagraphFormat(ems * 10, 10, true, lang, 10));
            Assert.All(lines, l => Assert.True(l.NaturalWidth <= ems * 10 + 0.01, $"{l.NaturalWidth} > {ems * 10}: {l.Text}"));
            string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
            Assert.Equal(Squeeze(t), Squeeze(string.Concat(lines.Select(l => l.Text))));
            // No break breaks a JLREQ prohibition, unless it is an emergency cut inside an unbreakable piece
            // wider than the measure, which the line says (and the layout reports).
            for (int i = 1; i < lines.Length; i++)
            {
                if (lines[i - 1].Overfull) continue;
                string before = lines[i - 1].Text.TrimEnd(), after = lines[i].Text.TrimStart();
                if (before.Length == 0 || after.Length == 0 || lines[i - 1].Hyphenated) continue;
                Assert.False(JlreqClasses.MayNotStartLine(char.ConvertToUtf32(after, 0)), $"a line starts with '{after[0]}': {after}");
                Assert.False(JlreqClasses.MayNotEndLine(before[^1]), $"a line ends with '{before[^1]}': {before}");
            }
        }, iter: 200);
    }
}
