using NewsletterPress.Text;

namespace NewsletterPress.Tests.Text;

/// <summary>URLs and e-mail addresses break only after their own separators, never with an inserted hyphen (issue 12).</summary>
public sealed class AddressBreakingTests(TextSetting setting) : IClassFixture<TextSetting>
{
    private const double Em = 9.5;
    private const string Url = "https://www.greenvalley-cooperative.example.org/reports/2022/supplementary-data?country=tajikistan&lang=en";
    private const string Email = "hello@greenvalley.example.org";

    /// <summary>Each line but the last that ends inside one of the addresses, with the character it ends at. The
    /// lines are found in the text one after another (a break drops the space it is at, and adds nothing else).</summary>
    private static List<(TextLine Line, char End)> BreaksInside(string text, IReadOnlyList<TextLine> lines, params string[] addresses)
    {
        var ranges = addresses.Select(a => (Start: text.IndexOf(a, StringComparison.Ordinal), a.Length)).ToList();
        Assert.All(ranges, r => Assert.True(r.Start >= 0));
        var inside = new List<(TextLine, char)>();
        int cursor = 0;
        foreach (var line in lines)
        {
            while (cursor < text.Length && text[cursor] == ' ') cursor++;
            Assert.True(string.CompareOrdinal(text, cursor, line.Text, 0, line.Text.Length) == 0, $"line \"{line.Text}\" is not the text at {cursor}");
            cursor += line.Text.Length;
            if (line != lines[^1] && ranges.Any(r => cursor > r.Start && cursor < r.Start + r.Length)) inside.Add((line, text[cursor - 1]));
        }
        Assert.Equal(text.Length, cursor);
        return inside;
    }

    [Theory]
    [InlineData("en", 12)]
    [InlineData("en", 15)]
    [InlineData("en", 18)]
    [InlineData("ja", 12)]
    [InlineData("ja", 16)]
    public void An_address_breaks_only_after_a_separator_and_never_takes_a_hyphen(string lang, int widthInEm)
    {
        var text = lang == "en"
            ? $"The full tables are at {Url} and questions go to {Email}, where the coordinators answer within a week."
            : $"詳しい表は{Url}に掲載しています。ご質問は{Email}までお寄せください。担当者が一週間以内にお答えします。";
        var lines = setting.Set(text, Em, new ParagraphFormat(widthInEm * Em, 0, true, lang, Em, Hyphenate: true));
        // Nothing lost or added (checked line by line), and every break inside an address is after a separator.
        var inside = BreaksInside(text, lines, Url, Email);
        Assert.True(inside.Count > 0, "the addresses never had to break: " + string.Join(" | ", lines.Select(l => l.Text)));
        foreach (var (line, end) in inside)
        {
            Assert.Contains(end, "/.-_?&=@");
            Assert.False(line.Hyphenated, $"a hyphen was added inside an address: {line.Text}");
        }
    }

    [Fact]
    public void An_address_is_never_hyphenated_but_the_words_around_it_are()
    {
        var text = "Supplementary documentation: " + Email + " " + Url + " documentation documentation documentation";
        bool hyphenatedWord = false;
        foreach (var width in new[] { 10, 11, 12, 13, 14 })
        {
            var lines = setting.Set(text, Em, new ParagraphFormat(width * Em, 0, true, "en", Em, Hyphenate: true));
            BreaksInside(text, lines, Url, Email);
            foreach (var line in lines.Where(l => l.Hyphenated))
            {
                var word = line.Text.Split(' ')[^1];
                Assert.DoesNotContain('@', word);
                Assert.DoesNotContain('/', word);
                Assert.DoesNotContain("greenvalley", word, StringComparison.Ordinal);
                hyphenatedWord = true;
            }
        }
        Assert.True(hyphenatedWord, "the ordinary words should still be hyphenated");
    }

    [Fact]
    public void Sentence_punctuation_after_an_address_is_not_part_of_it()
    {
        // "org." ends the sentence: a break after that full stop would be a break after the address, not inside it.
        var lines = setting.Set("Write to " + Email + ". Thank you.", Em, new ParagraphFormat(40 * Em, 0, true, "en", Em));
        Assert.Equal("Write to " + Email + ". Thank you.", Assert.Single(lines).Text);
    }
}
