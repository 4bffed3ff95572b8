using NewsletterPress.Layout;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.EndToEnd;

/// <summary>
/// English justification as good as TeX's (issue 12), measured on the PDF from the character positions mupdf reads back:
/// the word spaces and letter gaps of every justified English body line of vol-11 (the World Report and "CSOs Across the
/// World") and of the long-article sample (eight pages of English), set in the default faces at the default 25-em measure.
/// </summary>
public class EnglishJustificationTests
{
    /// <summary>One justified English line: each word gap as a ratio of its space's natural width (its glyph's width: a
    /// space kerned against the next letter, as before "A", shows less) and in em, and each
    /// gap between two letters beyond the first one's advance, in em.</summary>
    private sealed record JustifiedLine(int Page, string Text, IReadOnlyList<double> SpaceRatios, IReadOnlyList<double> SpacesInEm,
        IReadOnlyList<double> LetterGaps);

    /// <summary>Letter gaps above this are letter spacing; what the PDF's coordinates round to stays below it.</summary>
    private const double LetterSpacingEm = 0.0005;

    private static List<JustifiedLine> Lines(string issue)
    {
        var built = BuiltIssues.Get(issue);
        var config = built.Config;
        var lines = new List<JustifiedLine>();
        foreach (var group in built.Chars.GroupBy(c => c.Line))
        {
            var chars = group.ToList();
            var ink = chars.Where(c => c.Text.Trim().Length > 0).ToList();
            // English body text: the regular Latin serif at the body size (footnote calls may be smaller), no Japanese.
            if (ink.Count == 0 || !ink.Any(c => PageGeometryTests.IsBody(c, config))) continue;
            if (!ink.All(c => c.Text.All(ch => ch < 0x2E80) && PageGeometryTests.IsRegularTextFace(c.Font) && c.Size <= config.BodySize + 0.01))
                continue;
            if (!Justified(ink, config)) continue;
            // A contents line's leader is dots, not words.
            if (ink.Count(c => c.Text == ".") > ink.Count / 2) continue;
            var ratios = new List<double>();
            var ems = new List<double>();
            var letters = new List<double>();
            for (int i = 1; i + 1 < chars.Count; i++)
            {
                var (before, c, after) = (chars[i - 1], chars[i], chars[i + 1]);
                // Not the gap after a list item's marker (• or 1.), which is set, not stretched.
                bool marker = i == 1 && (before.Text == "•" || char.IsDigit(before.Text[0])) || i == 2 && chars[0].Text.All(char.IsDigit) && before.Text == ".";
                if (c.Text == " " && !marker && Math.Abs(c.Size - config.BodySize) < 0.01 && after.Text.Trim().Length > 0)
                {
                    ratios.Add((after.X - c.X) / (c.Right - c.X));
                    ems.Add((after.X - c.X) / c.Size);
                }
                if (char.IsLetter(before.Text[0]) && char.IsLetter(c.Text[0]) && Math.Abs(before.Size - c.Size) < 0.01)
                    letters.Add((c.X - before.Right) / c.Size);
            }
            lines.Add(new JustifiedLine(chars[0].Page, string.Concat(chars.Select(c => c.Text)), ratios, ems, letters));
        }
        return lines;
    }

    /// <summary>A line whose right edge meets its column's: every line of a paragraph but the last.</summary>
    private static bool Justified(List<PdfChar> ink, LayoutConfig config)
    {
        double left = ink.Min(c => c.X), right = ink.Max(c => c.Right);
        int page = ink[0].Page;
        for (int column = 0; column < config.Columns; column++)
        {
            double columnLeft = config.BlockLeft(page) + column * (config.ColumnWidth + config.ColumnGap);
            if (left >= columnLeft - 1 && left < columnLeft + config.ColumnWidth)
                return Math.Abs(right - (columnLeft + config.ColumnWidth)) < 0.6;
        }
        return false;
    }

    private static readonly string[] English = ["issues/vol-11", "samples/long-article"];

    public static TheoryData<string> EnglishIssues() => new(English);

    [Theory]
    [MemberData(nameof(EnglishIssues))]
    public void The_median_English_word_space_is_within_ten_percent_of_the_fonts_natural_space(string issue)
    {
        var lines = Lines(issue);
        Assert.True(lines.Count > 100, $"{issue}: only {lines.Count} justified English lines read back");
        var ratios = lines.SelectMany(l => l.SpaceRatios).Order().ToList();
        double median = ratios[ratios.Count / 2];
        Assert.InRange(median, 0.9, 1.1);
    }

    [Theory]
    [MemberData(nameof(EnglishIssues))]
    public void At_most_one_English_line_in_a_hundred_has_a_word_space_over_half_an_em(string issue)
    {
        var lines = Lines(issue);
        var wide = lines.Where(l => l.SpacesInEm.Any(s => s > 0.5 + 1e-3)).ToList();
        Assert.True(wide.Count <= lines.Count / 100.0,
            $"{issue}: {wide.Count} of {lines.Count} lines have a space over 0.5 em: {string.Join(" | ", wide.Select(l => l.Text))}");
    }

    [Theory]
    [MemberData(nameof(EnglishIssues))]
    public void Letters_are_spaced_only_in_a_line_whose_word_spaces_are_at_their_loosest(string issue)
    {
        foreach (var line in Lines(issue).Where(l => l.LetterGaps.Count > 0 && Median(l.LetterGaps) > LetterSpacingEm))
            Assert.True(Median(line.SpaceRatios) > 2 - 0.01,
                $"{issue} page {line.Page}: letters spaced while the word spaces are within 200 %: {line.Text}");
    }

    [Fact]
    public void At_most_one_English_line_in_a_hundred_is_letter_spaced()
    {
        // Over all the English of vol-11 and the long-article sample: vol-11's World Report has two paragraphs that no
        // setting fits with every space within 200 % (an exhaustive search over their break points finds none), so its
        // own share is higher; see the README.
        var lines = English.SelectMany(Lines).ToList();
        var spaced = lines.Where(l => l.LetterGaps.Count > 0 && Median(l.LetterGaps) > LetterSpacingEm).ToList();
        Assert.True(spaced.Count <= lines.Count / 100.0,
            $"{spaced.Count} of {lines.Count} lines are letter-spaced: {string.Join(" | ", spaced.Select(l => l.Text))}");
    }

    private static double Median(IReadOnlyList<double> values) => values.Order().ElementAt(values.Count / 2);
}
