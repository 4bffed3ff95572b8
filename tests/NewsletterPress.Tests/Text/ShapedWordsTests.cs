using NewsletterPress.Manifest;
using NewsletterPress.Tests.Support;
using NewsletterPress.Text;

namespace NewsletterPress.Tests.Text;

/// <summary>The shaping cache (<see cref="ShapedWords"/>): a word is shaped once per face and setup, and every word keeps
/// exactly the glyphs and positions HarfBuzz gives its run shaped whole. Each test shapes through a library whose cache
/// other text has filled first, and compares with a fresh library, or with the run shaped whole.</summary>
public sealed class ShapedWordsTests : IDisposable
{
    private readonly FontLibrary _fonts = new(Style.Default.Fonts, Repo.Root);

    public void Dispose() => _fonts.Dispose();

    private static List<Cluster> Shape(FontLibrary fonts, IReadOnlyList<TextRun> runs, string lang, bool wordByWord = true)
    {
        var text = string.Concat(runs.Select(r => r.Text));
        var runOf = runs.SelectMany((r, i) => Enumerable.Repeat(i, r.Text.Length)).ToArray();
        return Shaper.Shape(text, runs, runOf, fonts, lang, wordByWord);
    }

    private static List<Cluster> Shape(FontLibrary fonts, string text, double size, string lang = "en", bool wordByWord = true) =>
        Shape(fonts, [new TextRun(text, new TextStyle(FaceFamily.Serif, size))], lang, wordByWord);

    /// <summary>The same text, the same clusters: face, size, glyphs, their positions and advances.</summary>
    private static void AssertSame(List<Cluster> expected, List<Cluster> actual, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            string at = $"{what}: cluster {i} \"{a.Text}\"";
            Assert.True((e.Start, e.End, e.Text, e.Advance) == (a.Start, a.End, a.Text, a.Advance), at);
            Assert.True(e.Font.Ref.FilePath == a.Font.Ref.FilePath && e.Size == a.Size, at + ": other face or size");
            Assert.True(e.Glyphs.SequenceEqual(a.Glyphs), at + ": other glyphs or positions");
        }
    }

    [Fact]
    public void A_word_shaped_in_one_size_keeps_its_own_glyphs_in_another()
    {
        Shape(_fonts, "Report on the World Report", 9.5);
        var large = Shape(_fonts, "Report on the World Report", 14);
        using var fresh = new FontLibrary(Style.Default.Fonts, Repo.Root);
        AssertSame(Shape(fresh, "Report on the World Report", 14), large, "14 pt after 9.5 pt");
        Assert.Equal(14 / 9.5, large[0].Advance / Shape(_fonts, "Report", 9.5)[0].Advance, 9);
    }

    [Fact]
    public void A_word_in_Romanian_keeps_its_own_glyphs_after_the_same_word_in_English()
    {
        // Noto Sans has Romanian forms ('locl'): ş and ţ take a comma below in a run whose language is Romanian.
        const string Text = "Ştefan şi Ţara";
        var sans = new TextStyle(FaceFamily.Sans, 10);
        var english = Shape(_fonts, [new TextRun(Text, sans, Lang: "en")], "en");
        var romanian = Shape(_fonts, [new TextRun(Text, sans, Lang: "ro")], "en");
        Assert.False(english[0].Glyphs.SequenceEqual(romanian[0].Glyphs), "Ş is the same glyph in both: the test shows nothing");
        using var fresh = new FontLibrary(Style.Default.Fonts, Repo.Root);
        AssertSame(Shape(fresh, [new TextRun(Text, sans, Lang: "ro")], "en"), romanian, "in Romanian after English");
    }

    [Fact]
    public void A_space_kerned_against_the_letter_after_it_keeps_its_kerning_and_the_others_do_not_take_it()
    {
        // Liberation Serif kerns a space against some capitals after it: such a space is narrower than the others.
        var letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var text = string.Join(" ", letters.Select(c => $"x {c}x"));
        var words = Shape(_fonts, text, 10);
        var whole = Shape(_fonts, text, 10, wordByWord: false);
        AssertSame(whole, words, "word by word against whole");
        var spaces = whole.Where(c => c.Text == " ").Select(c => c.Advance).Distinct().ToList();
        Assert.True(spaces.Count > 1, "no space is kerned against its neighbour: the test shows nothing");
        // And the same again, now that every word and space is in the cache.
        AssertSame(whole, Shape(_fonts, text, 10), "from the cache");
    }

    [Fact]
    public void A_word_shaped_at_the_start_of_a_run_and_inside_one_keeps_its_glyphs_in_each()
    {
        var style = new TextStyle(FaceFamily.Serif, 10);
        IReadOnlyList<TextRun> runs = [new("Ta", style), new("Ta Ta", style with { Italic = true }), new("AV Ta", style)];
        var words = Shape(_fonts, runs, "en");
        AssertSame(Shape(_fonts, runs, "en", wordByWord: false), words, "three runs");
    }

    [Fact]
    public void Paragraphs_of_English_and_Japanese_shaped_word_by_word_have_the_glyphs_of_their_runs_shaped_whole()
    {
        var paragraphs = TextSetting.WorldReportParagraphs().Concat(TextSetting.LongEnglishParagraphs()).Select(p => (p, "en"))
            .Concat(TextSetting.JapaneseParagraphs().Select(p => (p, "ja"))).ToList();
        var styles = new[]
        {
            new TextStyle(FaceFamily.Serif, 9.5), new TextStyle(FaceFamily.Serif, 9.5, Bold: true, Italic: true),
            new TextStyle(FaceFamily.Sans, 13, Bold: true, Tracking: 0.05), new TextStyle(FaceFamily.Serif, 9.5, Superscript: true),
            new TextStyle(FaceFamily.Sans, 20, Proportional: true),
        };
        foreach (var style in styles)
            foreach (var (text, lang) in paragraphs)
            {
                IReadOnlyList<TextRun> runs = [new TextRun(text, style)];
                AssertSame(Shape(_fonts, runs, lang, wordByWord: false), Shape(_fonts, runs, lang), $"{style} \"{text[..Math.Min(20, text.Length)]}…\"");
            }
    }
}
