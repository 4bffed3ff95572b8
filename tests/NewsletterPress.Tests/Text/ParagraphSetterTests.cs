using NewsletterPress.Manifest;
using NewsletterPress.Shared;
using NewsletterPress.Text;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.Text;

public sealed class ParagraphSetterTests : IDisposable
{
    private const double Em = 10;
    private readonly FontLibrary _fonts = new(Style.Default.Fonts, Repo.Root);
    private readonly ParagraphSetter _setter;

    public ParagraphSetterTests() => _setter = new ParagraphSetter(_fonts);

    public void Dispose() => _fonts.Dispose();

    private IReadOnlyList<TextLine> Set(string text, double widthInEm, string lang = "ja", bool justify = true, bool hyphenate = true) =>
        _setter.Set([new TextRun(text, new TextStyle(FaceFamily.Serif, Em))],
            new ParagraphFormat(widthInEm * Em, 0, justify, lang, Em, Hyphenate: hyphenate));

    private const string Kanji = "市民社会分野研究交流地域";

    public static TheoryData<string> NeverAtLineStart()
    {
        var data = new TheoryData<string>();
        foreach (var c in JlreqClasses.Closing + JlreqClasses.NotStarting + JlreqClasses.NotStartingStrict)
            if (c > 0x2000) data.Add(c.ToString());
        return data;
    }

    [Theory]
    [MemberData(nameof(NeverAtLineStart))]
    public void Line_never_starts_with_a_character_of_cl02_to_cl07_or_cl09_to_cl11(string c)
    {
        // Ten ems of kanji fill the first line exactly; a greedy breaker would start line two with c.
        var lines = Set(Kanji[..10] + c + Kanji, 10);
        Assert.True(lines.Count >= 2);
        Assert.All(lines.Skip(1), l => Assert.False(l.Text.StartsWith(c, StringComparison.Ordinal), $"line starts with {c}: {l.Text}"));
        Assert.Equal(Kanji[..10] + c + Kanji, string.Concat(lines.Select(l => l.Text)));
    }

    public static TheoryData<string> NeverAtLineEnd()
    {
        var data = new TheoryData<string>();
        foreach (var c in JlreqClasses.Opening) if (c > 0x2000) data.Add(c.ToString());
        return data;
    }

    [Theory]
    [MemberData(nameof(NeverAtLineEnd))]
    public void Line_never_ends_with_an_opening_bracket(string c)
    {
        var lines = Set(Kanji[..9] + c + Kanji, 10);
        Assert.All(lines, l => Assert.False(l.Text.EndsWith(c, StringComparison.Ordinal), $"line ends with {c}: {l.Text}"));
    }

    [Theory]
    [InlineData("——")]
    [InlineData("……")]
    [InlineData("‥‥")]
    public void Inseparable_pairs_stay_on_one_line(string pair)
    {
        var lines = Set(Kanji[..9] + pair + Kanji, 10);
        Assert.Contains(lines, l => l.Text.Contains(pair, StringComparison.Ordinal));
    }

    [Fact]
    public void Justified_lines_end_exactly_at_the_measure_and_none_overflows()
    {
        var text = "市民社会分野における研究交流を2つの地域的範囲（東アジア地域およびグローバル）でそれぞれ異なる以下の事業を展開し、" +
                   "Center for European and Asian Studies（Tajikistan）との連携協力を行う。これまでの会費制を廃止し、一口3,000円の寄附を募ることとする。";
        var lines = Set(text, 25);
        Assert.True(lines.Count > 3);
        foreach (var line in lines.SkipLast(1))
        {
            Assert.True(line.Justified);
            Assert.InRange(line.NaturalWidth, 25 * Em - 0.01, 25 * Em + 0.01);
        }
        Assert.All(lines, l => Assert.True(l.Glyphs.All(g => g.X + g.Advance <= 25 * Em + 0.01), $"overflow: {l.Text}"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void No_line_is_wider_than_the_measure_whether_justified_or_ragged(bool justify)
    {
        // Mixed text where fitting a line needs the Japanese–Latin space to shrink.
        var text = "（1）第13回東アジア市民社会フォーラム開催への協力と参加（2）機関誌「Civil Society Forum」の発刊と各国市民社会の紹介";
        foreach (var width in new[] { 20, 21, 22, 23, 24, 25 })
            Assert.All(Set(text, width, justify: justify), l => Assert.True(l.NaturalWidth <= width * Em + 0.01, $"{l.NaturalWidth} > {width * Em}: {l.Text}"));
    }

    [Fact]
    public void Japanese_and_Latin_are_separated_by_a_quarter_em_that_is_not_a_character()
    {
        var line = Assert.Single(Set("日本語English日本語", 40, justify: false));
        Assert.Equal("日本語English日本語", line.Text);
        var glyphs = line.Glyphs;
        int e = glyphs.ToList().FindIndex(g => g.Text == "E");
        Assert.Equal(Em / 4, glyphs[e].X - (glyphs[e - 1].X + glyphs[e - 1].Advance), 3);
        int back = glyphs.ToList().FindIndex(e, g => g.Text == "日");
        Assert.Equal(Em / 4, glyphs[back].X - (glyphs[back - 1].X + glyphs[back - 1].Advance), 3);
    }

    [Fact]
    public void No_Japanese_Latin_space_next_to_brackets_or_commas()
    {
        // No two punctuation marks in a row here: those close up (see Consecutive_punctuation_keeps_one_half_em).
        var line = Assert.Single(Set("連携（Tajikistan）と「A」の", 40, justify: false));
        var g = line.Glyphs;
        for (int i = 1; i < g.Length; i++)
            Assert.Equal(g[i - 1].X + g[i - 1].Advance, g[i].X, 3);
    }

    [Fact]
    public void English_lines_break_between_words_never_start_with_a_space_and_keep_every_word()
    {
        var text = "Since the beginning of year 2020, COVID-19 (Coronavirus Disease 2019) has become the major concern for all and its influence is still emerging.";
        var lines = Set(text, 20, "en");
        Assert.True(lines.Count >= 3);
        Assert.All(lines, l => Assert.False(l.Text.StartsWith(' ')));
        Assert.Equal(text, string.Concat(lines.Select(l => l.Hyphenated ? l.Text : l.Text.TrimEnd() + " ")).TrimEnd());
    }

    [Fact]
    public void Latin_text_gets_the_fi_ligature_and_keeps_both_letters_as_its_text()
    {
        // Noto Serif has the ligature (the default Liberation Serif has none).
        using var noto = new FontLibrary(Style.Default.Fonts with { Serif = "Noto Serif" }, Repo.Root);
        var line = Assert.Single(new ParagraphSetter(noto).Set([new TextRun("office", new TextStyle(FaceFamily.Serif, Em))],
            new ParagraphFormat(40 * Em, 0, false, "en", Em)));
        Assert.Contains(line.Glyphs, g => g.Text == "ffi" || g.Text == "fi");
        Assert.Equal("office", line.Text);
    }

    [Fact]
    public void A_forced_line_break_ends_a_line_without_justifying_it()
    {
        var lines = Set("Dr. Shamsiddin Karimov,\nDirector,\nDushanbe", 40, "en");
        Assert.Equal(["Dr. Shamsiddin Karimov,", "Director,", "Dushanbe"], lines.Select(l => l.Text));
        Assert.All(lines, l => Assert.False(l.Justified));
    }

    [Fact]
    public void An_unbreakable_word_wider_than_the_measure_is_cut_and_flagged_not_overflowing()
    {
        // A long number has no break opportunity and no hyphenation point.
        var lines = Set("Reference 12345678901234567890123456789012345678901234567890 is long", 10, "en");
        Assert.Contains(lines, l => l.Overfull);
        Assert.All(lines, l => Assert.True(l.NaturalWidth <= 10 * Em + 0.01));
    }

    [Fact]
    public void A_character_no_font_has_is_an_error_naming_it()
    {
        var e = Assert.Throws<MissingGlyphException>(() => Set("古代\U00013000文字", 20));
        Assert.Equal(0x13000, e.Codepoint);
        Assert.Contains("U+13000", e.Message);
    }

    [Fact]
    public void Latin_in_Japanese_text_can_be_set_in_the_Japanese_face_on_request()
    {
        using var japaneseLatin = new FontLibrary(Style.Default.Fonts, Repo.Root, latinInJapanese: true);
        var format = new ParagraphFormat(40 * Em, 0, false, "ja", Em);
        var run = new TextRun("市民社会Forum2022年", new TextStyle(FaceFamily.Serif, Em));
        var usual = Assert.Single(_setter.Set([run], format));
        var asked = Assert.Single(new ParagraphSetter(japaneseLatin).Set([run], format));
        Assert.EndsWith("LiberationSerif-Regular.ttf", usual.Glyphs.First(g => g.Text == "F").Font.Ref.FilePath);
        Assert.EndsWith("ipaexm.ttf", asked.Glyphs.First(g => g.Text == "F").Font.Ref.FilePath);
        // English text is not affected.
        var english = Assert.Single(new ParagraphSetter(japaneseLatin).Set([run with { Text = "Forum" }], format with { Lang = "en" }));
        Assert.EndsWith("LiberationSerif-Regular.ttf", english.Glyphs[0].Font.Ref.FilePath);
    }

    [Fact]
    public void Proportional_headings_narrow_the_kana_and_keep_punctuation_full_width()
    {
        var format = new ParagraphFormat(60 * Em, 0, false, "ja", Em);
        var style = new TextStyle(FaceFamily.Sans, Em, Bold: true);
        const string Title = "ボランティア募集のお知らせ「まちの図書室」";
        var full = Assert.Single(_setter.Set([new TextRun(Title, style)], format));
        var proportional = Assert.Single(_setter.Set([new TextRun(Title, style with { Proportional = true })], format));
        Assert.Equal(full.Text, proportional.Text);
        Assert.True(proportional.NaturalWidth < full.NaturalWidth - Em, $"{proportional.NaturalWidth} vs {full.NaturalWidth}");
        double Advance(TextLine l, string c) => l.Glyphs.First(g => g.Text == c).Advance;
        Assert.True(Advance(proportional, "ィ") < Advance(full, "ィ"));
        Assert.Equal(Advance(full, "「"), Advance(proportional, "「"), 3);
    }
}
