using NewsletterPress.Text.Hyphenation;

namespace NewsletterPress.Tests.Text;

/// <summary>Liang's patterns from Knuth's hyphen.tex, with TeX's minimums of two letters before and three after.</summary>
public sealed class HyphenatorTests
{
    [Theory]
    [InlineData("hyphenation", "hy-phen-ation")]
    [InlineData("international", "in-ter-na-tional")]
    [InlineData("development", "de-vel-op-ment")]
    [InlineData("cooperation", "co-op-er-a-tion")]
    [InlineData("organizations", "or-ga-ni-za-tions")]
    [InlineData("concatenation", "con-cate-na-tion")]
    [InlineData("algorithm", "al-go-rithm")]
    [InlineData("typesetting", "type-set-ting")]
    [InlineData("philanthropy", "phi-lan-thropy")]
    [InlineData("emergencies", "emer-gen-cies")]
    [InlineData("paper", "pa-per")]
    [InlineData("Foundation", "Foun-da-tion")]
    public void Words_split_where_the_TeX_patterns_say(string word, string expected) =>
        Assert.Equal(expected, Hyphenator.Hyphenate(word));

    [Theory]
    [InlineData("table", "ta-ble")]
    [InlineData("present", "present")]
    [InlineData("project", "project")]
    [InlineData("associates", "as-so-ciates")]
    public void The_exception_list_of_hyphen_tex_overrides_the_patterns(string word, string expected) =>
        Assert.Equal(expected, Hyphenator.Hyphenate(word));

    [Theory]
    // The patterns allow eat-en, us-es, al-so, in-to, riv-er, hel-lo, e-nough, o-cean: each leaves fewer than
    // three letters after or two before the hyphen.
    [InlineData("eaten")]
    [InlineData("uses")]
    [InlineData("also")]
    [InlineData("into")]
    [InlineData("river")]
    [InlineData("hello")]
    [InlineData("enough")]
    [InlineData("ocean")]
    [InlineData("only")]
    public void Words_are_not_hyphenated_closer_than_two_letters_from_the_start_or_three_from_the_end(string word) =>
        Assert.Equal(word, Hyphenator.Hyphenate(word));

    [Fact]
    public void Only_the_points_that_respect_the_minimums_are_kept()
    {
        Assert.Equal("me-dia", Hyphenator.Hyphenate("media"));       // patterns: me-di-a
        Assert.Equal("ac-tu-ally", Hyphenator.Hyphenate("actually")); // patterns: ac-tu-al-ly
    }

    [Fact]
    public void An_issue_exception_replaces_what_the_patterns_would_do()
    {
        Assert.Equal("coro-n-avirus", Hyphenator.Hyphenate("coronavirus")); // the patterns' famous miss
        var exceptions = new Dictionary<string, string> { ["coronavirus"] = "coro-na-virus", ["Fangcang"] = "Fangcang" };
        Assert.Equal("coro-na-virus", Hyphenator.Hyphenate("coronavirus", exceptions));
        Assert.Equal("Coro-na-virus", Hyphenator.Hyphenate("Coronavirus", exceptions));
        Assert.Equal("Fangcang", Hyphenator.Hyphenate("Fangcang", exceptions));
    }
}
