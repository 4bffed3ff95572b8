using NewsletterPress.Shared;
using NewsletterPress.Text;

namespace NewsletterPress.Tests.Text;

/// <summary>
/// JLREQ punctuation spacing: full-width 、。 and brackets are half-em ink plus a half-em blank that
/// closes up in a run of punctuation, vanishes whole at a line end, and shrinks in JLREQ's order.
/// </summary>
public sealed class JapaneseSpacingTests(TextSetting setting) : IClassFixture<TextSetting>
{
    private const double Em = 10, Half = Em / 2;

    private TextLine SetOneLine(string text, double width = 40, bool justify = false) =>
        Assert.Single(setting.Set(text, Em, new ParagraphFormat(width * Em, 0, justify, "ja", Em)));

    private static SetGlyph Glyph(TextLine line, string text, int occurrence = 0) =>
        line.Glyphs.Where(g => g.Text == text).ElementAt(occurrence);

    [Theory]
    [InlineData("東京。」と言った", "。", "」")]
    [InlineData("大阪）、京都", "）", "、")]
    [InlineData("東京」「大阪", "」", "「")]
    [InlineData("参加した。（注）", "。", "（")]
    [InlineData("東京、「大阪", "、", "「")]
    [InlineData("東京）（大阪", "）", "（")]
    public void Consecutive_punctuation_keeps_only_one_half_em_between_the_marks(string text, string first, string second)
    {
        var line = SetOneLine(text);
        Assert.Equal(text, line.Text);
        // Both glyphs are full-width; drawn half an em apart, so of the two blanks only one half em remains.
        Assert.Equal(Half, Glyph(line, second).X - Glyph(line, first).X, 3);
    }

    [Fact]
    public void Consecutive_closing_marks_close_up_and_keep_the_last_blank()
    {
        var line = SetOneLine("終わり。」）と");
        // 。 」 ） each half an em of ink; と follows the last blank: 0.5 + 0.5 + 0.5 + 0.5 em.
        Assert.Equal(Half, Glyph(line, "」").X - Glyph(line, "。").X, 3);
        Assert.Equal(Half, Glyph(line, "）").X - Glyph(line, "」").X, 3);
        Assert.Equal(Em, Glyph(line, "と").X - Glyph(line, "）").X, 3);
    }

    [Fact]
    public void An_opening_bracket_whose_blank_is_removed_is_drawn_half_an_em_to_the_left()
    {
        // In 」「 the opening bracket's own blank (its left half) is gone: its glyph origin moves left by half an em,
        // so its ink (right half) sits half an em after the closing bracket's ink (left half). No ink overlaps.
        var line = SetOneLine("東京」「大阪");
        var close = Glyph(line, "」");
        var open = Glyph(line, "「");
        double closeInkEnd = close.X + Half, openInkStart = open.X + Half;
        Assert.Equal(Half, openInkStart - closeInkEnd, 3);
        Assert.Equal(open.X + Em, Glyph(line, "大").X, 3); // the next kanji follows the bracket's em box
        Assert.Equal(close.X, Glyph(line, "京").X + Em, 3);
    }

    [Fact]
    public void Middle_dots_have_a_quarter_em_each_side_and_one_quarter_next_to_a_bracket()
    {
        var line = SetOneLine("東京・大阪");
        Assert.Equal(Em, Glyph(line, "・").X - Glyph(line, "京").X, 3);
        Assert.Equal(Em, Glyph(line, "大").X - Glyph(line, "・").X, 3);
        var bracket = SetOneLine("「東京」・「大阪」");
        // 」 ink half, a quarter em, ・ ink half, a quarter em, 「 ink: origins 」→・ 0.5 + 0.25 − 0.25 em.
        Assert.Equal(Half, Glyph(bracket, "・").X - Glyph(bracket, "」").X, 3);
        Assert.Equal(Half, Glyph(bracket, "「", 1).X - Glyph(bracket, "・").X, 3);
    }

    [Fact]
    public void At_a_line_end_a_comma_stop_or_closing_bracket_keeps_its_half_em_or_nothing()
    {
        var text = TextSetting.LongJapaneseParagraph();
        foreach (var width in new[] { 15, 18, 20, 23, 25, 29 })
        {
            var lines = setting.Set(text, Em, new ParagraphFormat(width * Em, Em, true, "ja", Em));
            foreach (var line in lines.SkipLast(1))
            {
                var last = line.Glyphs[^1];
                if (!(last.Text is "、" or "。" || JlreqClasses.IsClosing(last.Text[0]))) continue;
                double inkEnd = last.X + Half, blank = width * Em - inkEnd;
                Assert.True(Math.Abs(blank) < 0.01 || Math.Abs(blank - Half) < 0.01, $"{blank:F2} pt after {line.Text}");
            }
        }
    }

    [Fact]
    public void A_middle_dot_at_a_line_end_keeps_its_glyph_and_its_quarter_em_inside_the_column()
    {
        // JLREQ appendix B and 3.1.9: the preferred space between a middle dot and the line end is its quarter em, so the
        // dot's whole em box stays inside the measure. Kanji in groups of three and four, so that dots land at line ends.
        const string Names = "東京都・大阪府・京都府・北海道・神奈川県・名古屋市・福岡県・那覇市・札幌市・仙台市・広島県・";
        var text = string.Concat(Enumerable.Repeat(Names, 4));
        int atEnd = 0;
        foreach (var width in Enumerable.Range(9, 12))
        {
            var lines = setting.Set(text, Em, new ParagraphFormat(width * Em, 0, true, "ja", Em));
            foreach (var line in lines)
            {
                Assert.All(line.Glyphs, g => Assert.True(g.X + g.Advance <= width * Em + 0.01 || g.Text is "、" or "。",
                    $"'{g.Text}' at {g.X:0.00} crosses the {width}-em column edge: {line.Text}"));
                if (line != lines[^1] && line.Text.EndsWith('・'))
                {
                    atEnd++;
                    Assert.Equal(width * Em, line.Glyphs[^1].X + line.Glyphs[^1].Advance, 2);
                }
            }
        }
        Assert.True(atEnd > 3, $"only {atEnd} lines ended with a middle dot");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(Em)]
    public void A_middle_dot_that_starts_a_paragraph_keeps_its_quarter_em_before_it_inside_the_column(double indent)
    {
        // JLREQ 3.1.4: a middle dot at a line head is not an opening bracket; its quarter em before stays. A list's ・
        // set in the one-em indent of its item fills that em exactly, so the item's text lines up on the next em.
        foreach (var text in new[] { "・", "・当番：平日の午後と土曜日の午前", "：以上" })
        {
            var line = setting.Set(text, Em, new ParagraphFormat(20 * Em, indent, false, "ja", Em))[0];
            var dot = line.Glyphs[0];
            Assert.True(dot.X >= indent - 0.01, $"'{dot.Text}' at {dot.X:0.00} starts before the line's {indent:0.#} pt indent");
            if (line.Glyphs.Length > 1) Assert.Equal(indent + Em, line.Glyphs[1].X, 2);
        }
    }

    [Fact]
    public void The_half_em_after_a_full_stop_inside_a_line_is_never_reduced()
    {
        var text = TextSetting.LongJapaneseParagraph();
        foreach (var width in new[] { 15, 18, 20, 23, 25, 29 })
        {
            var lines = setting.Set(text, Em, new ParagraphFormat(width * Em, Em, true, "ja", Em));
            foreach (var line in lines)
                for (int i = 0; i + 1 < line.Glyphs.Length; i++)
                {
                    var g = line.Glyphs[i];
                    var next = line.Glyphs[i + 1];
                    if (g.Text != "。" || next.Text.Length == 0 || Script.IsJapanesePunctuation(next.Text[0])) continue;
                    Assert.True(next.X - g.X >= Em - 0.01, $"{next.X - g.X:F2} pt after 。 in {line.Text}");
                }
        }
    }

    [Fact]
    public void Latin_word_spaces_shrink_before_the_space_around_brackets()
    {
        const string Text = "東京（大阪）の会議で Civil Society Forum が開かれた";
        var natural = SetOneLine(Text, 60);
        // Two points too narrow: the word spaces (80 % of about 2.6 pt each) absorb it; the brackets keep their blanks.
        var line = SetOneLine(Text, (natural.NaturalWidth - 1.5) / Em);
        Assert.Equal(Em, Glyph(line, "（").X - Glyph(line, "京").X, 3);
        Assert.Equal(Em, Glyph(line, "の").X - Glyph(line, "）").X, 3);
        Assert.True(Glyph(line, "S").X - Glyph(line, "C").X < Glyph(natural, "S").X - Glyph(natural, "C").X - 0.3);
    }

    [Fact]
    public void The_bracket_blanks_shrink_before_the_Japanese_Latin_space()
    {
        const string Text = "東京（大阪）と「京都」でJIVRIの会議";
        var natural = SetOneLine(Text, 60);
        var line = SetOneLine(Text, (natural.NaturalWidth - 4) / Em);
        var j = Glyph(line, "J");
        var before = line.Glyphs[line.Glyphs.IndexOf(j) - 1];
        Assert.Equal(Em / 4, j.X - (before.X + before.Advance), 3);
    }

    [Fact]
    public void The_Japanese_Latin_space_is_a_quarter_em_and_shrinks_no_further_than_an_eighth()
    {
        var natural = SetOneLine("会議はJIVRIで");
        var j = Glyph(natural, "J");
        Assert.Equal(Em / 4, j.X - (Glyph(natural, "は").X + Em), 3);
        // Each of the two spaces may give an eighth of an em: a measure that needs a little less fits on one line ...
        var squeezed = SetOneLine("会議はJIVRIで", (natural.NaturalWidth - Em / 4 + 0.2) / Em);
        var js = Glyph(squeezed, "J");
        Assert.InRange(js.X - (Glyph(squeezed, "は").X + Em), Em / 8 - 0.001, Em / 4);
        // ... and one that needs more breaks the line rather than squeezing the spaces below an eighth.
        var lines = setting.Set("会議はJIVRIで", Em, new ParagraphFormat(natural.NaturalWidth - Em / 4 - 0.5, 0, false, "ja", Em));
        Assert.True(lines.Count > 1);
    }

    [Fact]
    public void A_line_of_pure_kanji_on_a_whole_number_of_ems_needs_no_adjustment()
    {
        var lines = setting.Set(new string('字', 100), Em, new ParagraphFormat(20 * Em, 0, true, "ja", Em));
        Assert.Equal(5, lines.Count);
        Assert.All(lines, l => Assert.All(l.Glyphs.Select((g, i) => (g, i)), p => Assert.Equal(p.i * Em, p.g.X, 6)));
    }

    [Fact]
    public void Hanging_punctuation_is_off_by_default()
    {
        var lines = setting.Set(TextSetting.LongJapaneseParagraph(), Em, new ParagraphFormat(20 * Em, Em, true, "ja", Em));
        Assert.All(lines, l => Assert.All(l.Glyphs, g => Assert.True(LineBreakingTests.InkEnd(g) <= 20 * Em + 0.01)));
    }

    [Theory]
    [InlineData("、")]
    [InlineData("。")]
    public void On_request_a_comma_or_full_stop_hangs_past_the_measure_instead_of_pushing_a_character_down(string mark)
    {
        const string Kanji = "市民社会分野研究交流地域市民社会分野研究交流地域";
        var text = Kanji[..10] + mark + Kanji;
        var plain = setting.Set(text, Em, new ParagraphFormat(10 * Em, 0, true, "ja", Em));
        Assert.Equal(Kanji[..9], plain[0].Text);

        var hanging = setting.Set(text, Em, new ParagraphFormat(10 * Em, 0, true, "ja", Em, HangingPunctuation: true));
        Assert.Equal(Kanji[..10] + mark, hanging[0].Text);
        Assert.Equal(10 * Em, hanging[0].Glyphs[^1].X, 3);          // the mark starts at the measure
        Assert.Equal(10 * Em, hanging[0].NaturalWidth, 3);           // and the line is still as wide as the measure
        Assert.All(hanging[0].Glyphs.SkipLast(1).Select((g, i) => (g, i)), p => Assert.Equal(p.i * Em, p.g.X, 3));
    }

    [Fact]
    public void Hanging_is_only_for_commas_and_full_stops()
    {
        const string Kanji = "市民社会分野研究交流地域市民社会分野研究交流地域";
        var lines = setting.Set(Kanji[..10] + "」" + Kanji, Em, new ParagraphFormat(10 * Em, 0, true, "ja", Em, HangingPunctuation: true));
        Assert.Equal(Kanji[..9], lines[0].Text);
    }

    [Theory]
    [InlineData("出席率は98％だった", "8", "％")]
    [InlineData("一口￥3,000の寄附", "￥", "3")]
    [InlineData("気温は25℃だった", "5", "℃")]
    public void A_number_and_its_unit_sign_are_not_separated_by_the_Japanese_Latin_space(string text, string first, string second)
    {
        var line = SetOneLine(text);
        var a = Glyph(line, first);
        Assert.Equal(a.X + a.Advance, Glyph(line, second).X, 3);
    }
}
