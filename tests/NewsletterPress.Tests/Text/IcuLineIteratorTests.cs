using Icu;
using NewsletterPress.Text;

namespace NewsletterPress.Tests.Text;

/// <summary>Our direct use of ICU's C line breaker finds exactly the boundaries icu.net's iterator finds.</summary>
public class IcuLineIteratorTests
{
    [Theory]
    [InlineData("ja@lb=strict")]
    [InlineData("en")]
    public void The_C_api_breaks_where_icu_net_does(string locale)
    {
        var text = TextSetting.LongJapaneseParagraph() + " Since the beginning of year 2020, COVID-19 has spread (quickly) — 3,000 cases!";
        using var native = IcuLineIterator.Create(locale);
        var ours = new bool[text.Length + 1];
        native.MarkBreaks(text, ours);

        var theirs = new bool[text.Length + 1];
        using var iterator = BreakIterator.CreateLineInstance(new Locale(locale));
        iterator.SetText(text);
        for (int end = iterator.MoveNext(); end != BreakIterator.DONE && end < text.Length; end = iterator.MoveNext())
            theirs[end] = true;

        Assert.Equal(theirs, ours);
        Assert.True(ours.Count(b => b) > text.Length / 3, "a Japanese paragraph breaks almost anywhere");
        // The iterator is reused for the next paragraph.
        var again = new bool[text.Length + 1];
        native.MarkBreaks(text, again);
        Assert.Equal(ours, again);
    }
}
