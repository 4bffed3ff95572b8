using NewsletterPress.Shared;
using NewsletterPress.Text;

namespace NewsletterPress.Tests.Text;

/// <summary>Total-fit breaking of whole paragraphs: every line obeys the rules, justified lines meet the measure.</summary>
public sealed class LineBreakingTests(TextSetting setting) : IClassFixture<TextSetting>
{
    private const double Em = 10;

    private static bool StartsWithForbidden(string line) =>
        line.Length > 0 && JlreqClasses.MayNotStartLine(char.ConvertToUtf32(line, 0));

    internal static void AssertEveryLineObeysTheRules(IReadOnlyList<TextLine> lines, double width, string text)
    {
        Assert.Equal(Fold(text), Fold(string.Concat(lines.Select(l => l.Text))));
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (i > 0) Assert.False(StartsWithForbidden(line.Text), $"line {i} starts with a forbidden character: {line.Text}");
            Assert.False(line.Text.Length > 0 && JlreqClasses.MayNotEndLine(line.Text[^1]), $"line {i} ends with an opening bracket: {line.Text}");
            Assert.False(line.Text.StartsWith(' ') || line.Text.StartsWith('\u3000'), $"line {i} starts with a space");
            Assert.False(line.Overfull, $"line {i} is overfull: {line.Text}");
            Assert.All(line.Glyphs, g => Assert.True(InkEnd(g) <= width + 0.01 || g.Text == " ",
                $"line {i} runs past the measure: {line.Text}"));
            if (i < lines.Count - 1)
            {
                Assert.True(line.Justified, $"line {i} is not justified: {line.Text}");
                Assert.InRange(line.NaturalWidth, width - 0.01, width + 0.01);
            }
            else
                Assert.True(line.NaturalWidth <= width + 0.01);
        }
    }

    /// <summary>Where a glyph's ink ends: a full-width 、。 or closing bracket has its blank in its right half (which a line
    /// end drops). A middle dot keeps the quarter em after it at a line end (JLREQ), so its whole box counts.</summary>
    internal static double InkEnd(SetGlyph g)
    {
        if (g.Text.Length != 1 || g.Advance < g.Size * 0.9) return g.X + g.Advance;
        char c = g.Text[0];
        if (c is '、' or '。' or '，' or '．' || JlreqClasses.IsClosing(c)) return g.X + g.Advance / 2;
        return g.X + g.Advance;
    }

    /// <summary>Line breaks drop spaces; compare without them.</summary>
    private static string Fold(string text) => text.Replace(" ", "", StringComparison.Ordinal);

    [Theory]
    [InlineData(20)]
    [InlineData(25)]
    [InlineData(33)]
    public void A_Japanese_paragraph_of_a_thousand_characters_breaks_and_every_line_obeys_the_rules(int widthInEm)
    {
        var text = TextSetting.LongJapaneseParagraph();
        Assert.True(text.Length >= 1000);
        var lines = setting.Set(text, Em, new ParagraphFormat(widthInEm * Em, Em, true, "ja", Em));
        Assert.True(lines.Count > text.Length / (2 * widthInEm), $"{lines.Count} lines");
        AssertEveryLineObeysTheRules(lines, widthInEm * Em, text);
    }

    [Fact]
    public void An_English_paragraph_of_a_thousand_characters_breaks_and_every_line_obeys_the_rules()
    {
        var text = string.Join(" ", TextSetting.WorldReportParagraphs().Where(p => p.Length > 300).Take(3));
        Assert.True(text.Length >= 1000);
        var lines = setting.Set(text, 9.5, new ParagraphFormat(25 * 9.5, 9.5, true, "en", 9.5, Hyphenate: true));
        var joined = string.Concat(lines.Select(l => l.Hyphenated ? l.Text : l.Text + " "));
        Assert.Equal(text, joined.TrimEnd());
        AssertEveryLineObeysTheRules(lines, 25 * 9.5, text);
    }

    /// <summary>Gaps between words relative to the space's natural width, for every space of a line.</summary>
    internal static IEnumerable<double> WordSpaceRatios(TextLine line)
    {
        var g = line.Glyphs;
        for (int i = 1; i + 1 < g.Length; i++)
            if (g[i].Text == " ")
                yield return (g[i + 1].X - g[i].X) / g[i].Advance;
    }

    /// <summary>How far each pair of neighbouring letters of a line is apart beyond the first letter's advance (kerning
    /// included), in em: zero unless the line is letter-spaced.</summary>
    internal static IEnumerable<double> LetterGaps(TextLine line)
    {
        var g = line.Glyphs;
        for (int i = 0; i + 1 < g.Length; i++)
            if (g[i].Text.Length > 0 && char.IsLetter(g[i].Text[^1]) && g[i + 1].Text.Length > 0 && char.IsLetter(g[i + 1].Text[0]))
                yield return (g[i + 1].X - g[i].X - g[i].Advance) / g[i].Size;
    }

    internal static bool IsLetterSpaced(TextLine line) => LetterGaps(line).Any(gap => gap > 1e-6);

    [Fact]
    public void English_word_spaces_stay_within_their_limits_and_letters_are_spaced_only_when_the_spaces_are_at_their_loosest()
    {
        // The World Report at the body measure: 25 ems of 9.5 pt. Spaces shrink to two thirds and stretch to 150 %; a
        // paragraph that cannot be set so has loose lines up to 200 %, and letter-spaces a line only past that.
        int lines = 0, loose = 0;
        foreach (var paragraph in TextSetting.WorldReportParagraphs())
        {
            var set = setting.Set(paragraph, 9.5, new ParagraphFormat(25 * 9.5, 9.5, true, "en", 9.5, Hyphenate: true));
            bool paragraphIsLoose = set.SkipLast(1).Any(l => WordSpaceRatios(l).Any(r => r > 1.5 + 1e-6));
            foreach (var line in set.SkipLast(1))
            {
                lines++;
                var ratios = WordSpaceRatios(line).ToList();
                Assert.All(ratios, r => Assert.InRange(r, 2.0 / 3 - 1e-6, (paragraphIsLoose ? 2 : 1.5) + 1e-6));
                if (ratios.Any(r => r > 1.5 + 1e-6)) loose++;
                if (IsLetterSpaced(line))
                    Assert.True(ratios.All(r => r > 2 - 1e-6), $"letter-spaced with spaces below 200 %: {line.Text}");
                Assert.True(IsLetterSpaced(line) == line.LetterSpaced, $"{line.LetterSpaced} {string.Join(",", LetterGaps(line).Select(x => x.ToString("0.0000")))} {line.Text}");
                // SpaceRatio says the same: 1 is 150 % (half the space added), −1 two thirds (a third taken).
                double expected = line.SpaceRatio >= 0 ? 1 + line.SpaceRatio / 2 : 1 + line.SpaceRatio / 3;
                Assert.All(ratios, r => Assert.Equal(expected, r, 3));
            }
        }
        Assert.True(lines > 100, $"only {lines} lines checked");
        Assert.True(loose < lines / 4, $"{loose} of {lines} lines have spaces over 150 %");
    }

    [Fact]
    public void A_paragraph_that_used_to_be_letter_spaced_in_its_best_setting_is_set_with_its_spaces_alone()
    {
        // The World Report's first paragraph: set before with spaces stretched to 150 % and its letters spaced on two lines
        // ("for all and its influence is still emerging. As we all"), as spaces could only shrink to 80 %.
        var paragraph = TextSetting.WorldReportParagraphs()[0];
        var set = setting.Set(paragraph, 9.5, new ParagraphFormat(25 * 9.5, 0, true, "en", 9.5, Hyphenate: true));
        Assert.All(set, line => Assert.All(LetterGaps(line), gap => Assert.InRange(gap, -1e-6, 1e-6)));
        Assert.All(set, line => Assert.False(line.LetterSpaced, line.Text));
        Assert.All(set.SkipLast(1), line => Assert.InRange(line.SpaceRatio, -1 - 1e-9, 2 + 1e-9));
    }

    [Theory]
    [InlineData(12)]
    [InlineData(15)]
    [InlineData(25)]
    public void No_more_than_two_consecutive_lines_end_with_a_hyphen(int widthInEm)
    {
        int hyphenated = 0;
        foreach (var paragraph in TextSetting.WorldReportParagraphs())
        {
            var set = setting.Set(paragraph, 9.5, new ParagraphFormat(widthInEm * 9.5, 9.5, true, "en", 9.5, Hyphenate: true));
            int run = 0;
            foreach (var line in set)
            {
                run = line.Hyphenated || line.Text.EndsWith('-') ? run + 1 : 0;
                Assert.True(run <= 2, $"three hyphens in a row, ending with: {line.Text}");
            }
            hyphenated += set.Count(l => l.Hyphenated);
            Assert.False(set[^1].Hyphenated);
        }
        Assert.True(hyphenated > 0, "the test needs some hyphenated lines");
    }

    [Fact]
    public void A_hyphenated_line_draws_a_hyphen_that_stands_for_a_soft_hyphen()
    {
        var lines = setting.Set(string.Join(" ", TextSetting.WorldReportParagraphs().Take(3)), 9.5,
            new ParagraphFormat(15 * 9.5, 0, true, "en", 9.5, Hyphenate: true));
        var line = lines.First(l => l.Hyphenated);
        var hyphen = line.Glyphs[^1];
        Assert.Equal("\u00AD", hyphen.Text);
        Assert.True(hyphen.Advance > 0);
        Assert.True(char.IsLetter(line.Text[^1]), line.Text);
        Assert.InRange(hyphen.X + hyphen.Advance, 15 * 9.5 - 0.01, 15 * 9.5 + 0.01);
    }

    [Fact]
    public void Hyphenation_can_be_turned_off_and_never_touches_Japanese_text()
    {
        var english = string.Join(" ", TextSetting.WorldReportParagraphs().Take(3));
        Assert.Contains(setting.Set(english, 9.5, new ParagraphFormat(15 * 9.5, 0, true, "en", 9.5)), l => l.Hyphenated);
        Assert.DoesNotContain(setting.Set(english, 9.5, new ParagraphFormat(15 * 9.5, 0, true, "en", 9.5, Hyphenate: false)), l => l.Hyphenated);
        var japanese = TextSetting.LongJapaneseParagraph();
        Assert.DoesNotContain(setting.Set(japanese, Em, new ParagraphFormat(12 * Em, 0, true, "ja", Em, Hyphenate: true)), l => l.Hyphenated);
    }

    [Fact]
    public void Soft_hyphens_are_where_the_editor_allows_a_break_and_are_not_printed_otherwise()
    {
        const string Word = "su\u00ADper\u00ADcal\u00ADi\u00ADfrag\u00ADil\u00ADis\u00ADtic";
        var wide = Assert.Single(setting.Set(Word, Em, new ParagraphFormat(40 * Em, 0, true, "en", Em)));
        Assert.Equal("supercalifragilistic", wide.Text);
        Assert.Equal(20, wide.Glyphs.Length - wide.Glyphs.Count(g => g.Text == ""));

        // Narrower: the word breaks, and only at the editor's points (soft hyphens apply even with hyphenation off).
        var allowedEnds = new[] { "su", "super", "supercal", "supercali", "supercalifrag", "supercalifragil", "supercalifragilis" };
        int hyphenated = 0;
        foreach (var width in new[] { 9, 10, 11, 12, 13, 14 })
        {
            var lines = setting.Set("Words like " + Word + " are long", Em, new ParagraphFormat(width * Em, 0, true, "en", Em));
            foreach (var line in lines.Where(l => l.Hyphenated))
                Assert.Contains(line.Text.Split(' ')[^1], allowedEnds);
            Assert.All(lines.Where(l => !l.Hyphenated), l => Assert.DoesNotContain(l.Glyphs, g => g.Text == "\u00AD"));
            hyphenated += lines.Count(l => l.Hyphenated);
        }
        Assert.True(hyphenated > 0);
    }

    [Fact]
    public void The_issue_exception_list_decides_where_a_word_breaks()
    {
        var exceptions = new Dictionary<string, string> { ["coronavirus"] = "coro-na-virus" };
        foreach (var width in new[] { 9, 10, 11, 12, 13 })
        {
            var lines = setting.Set("The coronavirus coronavirus coronavirus coronavirus coronavirus pandemic", Em,
                new ParagraphFormat(width * Em, 0, true, "en", Em, Hyphenate: true, HyphenationExceptions: exceptions));
            foreach (var line in lines.Where(l => l.Hyphenated && "coronavirus".StartsWith(l.Text.Split(' ')[^1], StringComparison.Ordinal)))
                Assert.True(line.Text.EndsWith("coro", StringComparison.Ordinal) || line.Text.EndsWith("corona", StringComparison.Ordinal),
                    $"at {width} em: {line.Text}");
        }
    }

    [Theory]
    [InlineData("——")]
    [InlineData("……")]
    [InlineData("‥‥")]
    [InlineData("3,000")]
    [InlineData("13:00")]
    [InlineData("￥1,000")]
    [InlineData("$100")]
    [InlineData("€20")]
    [InlineData("50％")]
    [InlineData("3,000円")]
    [InlineData("12,000円")]
    [InlineData("3万円")]
    [InlineData("1億2000万円")]
    [InlineData("¥3,000")]
    [InlineData("25℃")]
    [InlineData("30°")]
    [InlineData("98%")]
    public void Never_breaks_inside_an_unbreakable_sequence(string token)
    {
        const string Kanji = "市民社会分野研究交流地域市民社会分野研究交流地域";
        // Put the token at every offset around the line end, so that some position tempts a break inside it.
        for (int before = 6; before <= 11; before++)
        {
            var text = Kanji[..before] + token + Kanji;
            var lines = setting.Set(text, Em, new ParagraphFormat(10 * Em, 0, true, "ja", Em));
            Assert.Contains(lines, l => l.Text.Contains(token, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_Japanese_paragraph_does_not_end_with_a_single_character_on_its_last_line()
    {
        const string Kanji = "市民社会分野研究交流地域市民社会分野研究交流";
        var lines = setting.Set(Kanji + "域。", Em, new ParagraphFormat(11 * Em, 0, true, "ja", Em));
        Assert.NotEqual("域。", lines[^1].Text);
        Assert.True(lines[^1].Text.Length >= 3, lines[^1].Text);
    }

    [Fact]
    public void A_forced_break_inside_a_paragraph_ends_a_ragged_line_and_the_rest_is_justified()
    {
        var text = TextSetting.LongJapaneseParagraph()[..300] + "\n" + TextSetting.LongJapaneseParagraph()[..300];
        var lines = setting.Set(text, Em, new ParagraphFormat(20 * Em, Em, true, "ja", Em));
        int forced = lines.ToList().FindIndex(l => !l.Justified);
        Assert.True(forced > 0 && forced < lines.Count - 1);
        Assert.All(lines.Skip(forced + 1).SkipLast(1), l => Assert.InRange(l.NaturalWidth, 20 * Em - 0.01, 20 * Em + 0.01));
    }

    [Fact]
    public void A_first_line_whose_only_break_is_at_a_space_it_may_not_break_at_is_cut_not_left_without_breaks()
    {
        // Found by the property tests: the space before ー may not end a line, so with the first-line indent the
        // text before the first break opportunity is wider than the line, although each word alone is not.
        // (The property run's text began with an e-mail address, which may now break after its @ and dots; this one
        // does not, and the measure is that of the Noto Serif it was found with, in Liberation Serif's narrower letters.)
        const string Text = "infoexampleorginternationalization### ーっ……- ⺠link|a|b| |—|—| |1|2|（50％⺠ﬁ民」（民3,000円50％";
        const double Width = 21 * 9.5;
        var lines = setting.Set(Text, 9.5, new ParagraphFormat(Width, 9.5, true, "ja", 9.5));
        Assert.All(lines, l => Assert.True(l.NaturalWidth <= Width + 0.01, l.Text));
        Assert.Contains(lines, l => l.Overfull); // the cut is reported
        Assert.Equal(Text.Replace(" ", "", StringComparison.Ordinal), string.Concat(lines.Select(l => l.Text)).Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void A_piece_that_fits_by_its_characters_but_not_with_its_Japanese_Latin_space_is_cut()
    {
        // Found by the property tests: "3,000円…………" has no break opportunity, and is 69 pt of characters and a
        // quarter-em space between 0 and 円 on a 70 pt first line.
        var lines = setting.Set("3,000円…………", 10, new ParagraphFormat(80, 10, true, "en", 10));
        Assert.All(lines, l => Assert.True(l.NaturalWidth <= 80.01, l.Text));
        Assert.Contains(lines, l => l.Overfull);
        Assert.Equal("3,000円…………", string.Concat(lines.Select(l => l.Text)));
    }
}
