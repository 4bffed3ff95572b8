using NewsletterPress.Text;

namespace NewsletterPress.Tests.Text;

/// <summary>TeX's \looseness: a paragraph set one line shorter or longer than its best, within the tolerance, or not at all.</summary>
public sealed class LoosenessTests(TextSetting setting) : IClassFixture<TextSetting>
{
    private const double Em = 10;

    /// <summary>The World Report at the body measure (25 ems of 9.5 pt), as the column sets it.</summary>
    private const double Body = 9.5;
    private static readonly ParagraphFormat EnglishBody = new(25 * Body, Body, true, "en", Body, Hyphenate: true);

    /// <summary>Four lines, the last holding "lished." alone.</summary>
    private static string ShortLastLine => TextSetting.WorldReportParagraphs().Single(p => p.StartsWith("Thirdly, partnership", StringComparison.Ordinal));

    /// <summary>Four lines, the last nearly full.</summary>
    private static string FullLastLine => TextSetting.WorldReportParagraphs().Single(p => p.StartsWith("Some of them", StringComparison.Ordinal));

    /// <summary>Many 、「」 whose half-em blanks can shrink; the last line holds 変わ alone.</summary>
    private const string Japanese = "市民社会（しみんしゃかい）は、国家・市場・家族のいずれとも異なる、人々の自発的な結びつきの領域であり、" +
                                    "「公共性」を担う、さまざまな団体や運動、ネットワークから成る。その役割は、時代や地域によって大きく変わ";

    private IReadOnlyList<TextLine> Set(string text, ParagraphFormat format) => setting.Set(text, format.Em, format);

    /// <summary>Sets the text as it is (checking its natural lines) and with looseness −1, which must give one line fewer
    /// that keeps every rule.</summary>
    private (IReadOnlyList<TextLine> Natural, IReadOnlyList<TextLine> Shorter) SetOneLineShorter(string text, ParagraphFormat format,
        int naturalLines, string lastLine)
    {
        var natural = Set(text, format);
        Assert.Equal(naturalLines, natural.Count);
        Assert.Equal(lastLine, natural[^1].Text);
        var shorter = Set(text, format with { Looseness = -1 });
        Assert.Equal(naturalLines - 1, shorter.Count);
        LineBreakingTests.AssertEveryLineObeysTheRules(shorter, format.Width, text);
        return (natural, shorter);
    }

    [Fact]
    public void An_English_paragraph_with_a_short_last_line_sets_one_line_shorter_with_its_spaces_within_the_tolerance()
    {
        var (natural, shorter) = SetOneLineShorter(ShortLastLine, EnglishBody, naturalLines: 4, lastLine: "lished.");
        // One line fewer means tighter lines: spaces shrink, never below the two thirds the tolerance allows.
        Assert.All(shorter.SkipLast(1).SelectMany(LineBreakingTests.WordSpaceRatios), r => Assert.InRange(r, 2.0 / 3 - 1e-6, 1.5 + 1e-6));
        Assert.True(shorter.SkipLast(1).SelectMany(LineBreakingTests.WordSpaceRatios).Average()
                    < natural.SkipLast(1).SelectMany(LineBreakingTests.WordSpaceRatios).Average());
    }

    [Fact]
    public void A_Japanese_paragraph_with_a_short_last_line_sets_one_line_shorter()
    {
        SetOneLineShorter(Japanese, new ParagraphFormat(20 * Em, Em, true, "ja", Em), naturalLines: 6, lastLine: "変わ");
    }

    [Fact]
    public void Looseness_plus_one_sets_one_line_more()
    {
        var longer = Set(FullLastLine, EnglishBody with { Looseness = 1 });
        Assert.Equal(5, longer.Count);
        LineBreakingTests.AssertEveryLineObeysTheRules(longer, EnglishBody.Width, FullLastLine);
        Assert.All(longer.SkipLast(1), line => Assert.True(WithinTheLimits(line), line.Text));

        var japanese = new ParagraphFormat(20 * Em, Em, true, "ja", Em);
        var longerJapanese = Set(Japanese + "る。", japanese with { Looseness = 1 });
        Assert.Equal(Set(Japanese + "る。", japanese).Count + 1, longerJapanese.Count);
        LineBreakingTests.AssertEveryLineObeysTheRules(longerJapanese, 20 * Em, Japanese + "る。");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void A_paragraph_whose_best_setting_is_within_the_limits_stays_within_them_one_line_shorter_or_longer(int looseness)
    {
        // What the page planner asks of a setting it may take: every justified line with its spaces within 150 % and its
        // letters unspaced, as the paragraph's best setting had them.
        const double Size = 9.5;
        var format = new ParagraphFormat(25 * Size, Size, true, "en", Size, Hyphenate: true);
        int within = 0, changed = 0;
        foreach (var paragraph in TextSetting.WorldReportParagraphs().Concat(TextSetting.LongEnglishParagraphs()))
        {
            var natural = setting.Set(paragraph, Size, format);
            if (!natural.SkipLast(1).All(WithinTheLimits)) continue;
            within++;
            var other = setting.Set(paragraph, Size, format with { Looseness = looseness });
            if (other.Count == natural.Count) continue;
            changed++;
            Assert.Equal(natural.Count + looseness, other.Count);
            Assert.All(other.SkipLast(1), line => Assert.True(WithinTheLimits(line), $"{line.SpaceRatio:0.00} {line.Text}"));
        }
        Assert.True(changed > 2, $"only {changed} of the {within} paragraphs within the limits could be set with looseness {looseness}");
    }

    [Fact]
    public void The_settings_a_line_shorter_or_longer_found_with_the_first_setting_are_those_setting_again_gives()
    {
        // The planner learns whether a paragraph can be set a line shorter or longer when it is first set (from the same
        // shaping and items, lines measured without glyphs), and sets again only those it takes: both ways must agree.
        const double Size = 9.5;
        var english = new ParagraphFormat(25 * Size, Size, true, "en", Size, Hyphenate: true);
        var japanese = new ParagraphFormat(20 * Size, Size, true, "ja", Size);
        var paragraphs = TextSetting.WorldReportParagraphs().Concat(TextSetting.LongEnglishParagraphs()).Select(p => (p, english))
            .Concat(TextSetting.JapaneseParagraphs().Append(TextSetting.LongJapaneseParagraph()).Append(Japanese).Select(p => (p, japanese)));
        int found = 0, none = 0;
        foreach (var (text, format) in paragraphs)
        {
            List<TextRun> runs = [new(text, new TextStyle(FaceFamily.Serif, Size))];
            var (natural, shorter, longer) = setting.Setter.SetWithLoosened(runs, format, (_, _) => true);
            Assert.Equal(setting.Setter.Set(runs, format).Select(l => l.Text), natural.Select(l => l.Text));
            foreach (var (looseness, first) in new[] { (-1, shorter), (+1, longer) })
            {
                var again = setting.Setter.SetLoosened(runs, format with { Looseness = looseness });
                Assert.Equal(again is null, first is null);
                if (again is not { } lines || first is not { } measured)
                {
                    none++;
                    continue;
                }
                found++;
                Assert.Equal(natural.Length + looseness, lines.Length);
                Assert.Equal(lines.Select(How), measured.Select(How));
            }
        }
        Assert.True(found > 5 && none > 5, $"{found} settings found, {none} not: the paragraphs do not test both answers");

        static (double, double, double, double, bool, bool) How(TextLine l) =>
            (l.NaturalWidth, l.SpaceRatio, l.InterCharacterRatio, l.LetterRatio, l.Hyphenated, l.Overfull);
    }

    private static bool WithinTheLimits(TextLine line) =>
        line.SpaceRatio <= 1 + 1e-9 && !line.LetterSpaced && LineBreakingTests.WordSpaceRatios(line).All(r => r <= 1.5 + 1e-6)
        && !LineBreakingTests.IsLetterSpaced(line);

    [Fact]
    public void A_paragraph_that_cannot_shrink_keeps_its_natural_lines()
    {
        // Kanji only: nothing between them shrinks, so two characters on the last line cannot move up.
        var text = string.Concat(Enumerable.Repeat("市民社会分野研究交流地域", 5))[..52];
        var format = new ParagraphFormat(10 * Em, 0, true, "ja", Em);
        var natural = Set(text, format);
        Assert.Equal(6, natural.Count);
        var shorter = Set(text, format with { Looseness = -1 });
        Assert.Equal(natural.Select(l => l.Text), shorter.Select(l => l.Text));
    }

    [Fact]
    public void Looseness_goes_to_the_last_piece_of_a_paragraph_with_forced_breaks_that_can_take_it()
    {
        var format = new ParagraphFormat(20 * Em, Em, true, "ja", Em);
        var text = Japanese + "\n" + string.Concat(Enumerable.Repeat("市民社会分野研究交流地域", 2))[..22];
        var natural = Set(text, format);
        var shorter = Set(text, format with { Looseness = -1 });
        Assert.Equal(natural.Count - 1, shorter.Count);
        Assert.Equal(natural[^2].Text, shorter[^2].Text); // the kanji piece cannot shrink; the first piece did
    }

    [Fact]
    public void An_English_paragraph_set_a_line_shorter_may_take_at_most_a_hundredth_of_an_em_from_its_letter_spacing()
    {
        // The World Report at the body measure (25 ems of 9.5 pt): its lines are loose, so a line fewer needs the letters too.
        const double Size = 9.5;
        var format = new ParagraphFormat(25 * Size, Size, true, "en", Size, Hyphenate: true);
        int shortened = 0;
        foreach (var paragraph in TextSetting.WorldReportParagraphs())
        {
            var natural = setting.Set(paragraph, Size, format);
            var shorter = setting.Set(paragraph, Size, format with { Looseness = -1 });
            if (shorter.Count == natural.Count) continue;
            shortened++;
            Assert.Equal(natural.Count - 1, shorter.Count);
            LineBreakingTests.AssertEveryLineObeysTheRules(shorter, format.Width, paragraph);
            foreach (var line in shorter.SkipLast(1))
            {
                Assert.All(LineBreakingTests.WordSpaceRatios(line), r => Assert.InRange(r, 2.0 / 3 - 1e-6, 1.5 + 1e-6));
                var g = line.Glyphs;
                for (int i = 0; i + 1 < g.Length; i++)
                    if (g[i].Text != " " && g[i + 1].Text != " ")
                        Assert.True(g[i + 1].X - g[i].X - g[i].Advance >= -0.01 * Size - 1e-6,
                            $"letters '{g[i].Text}{g[i + 1].Text}' closer than a hundredth of an em in \"{line.Text}\"");
            }
        }
        Assert.True(shortened > 0, "no paragraph of the World Report could be set a line shorter");
    }
}
