using System.Globalization;
using NewsletterPress.Rendering.Pdf;

namespace NewsletterPress.Tests.Pdf;

public sealed class PdfSyntaxTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.00001, "0")]
    [InlineData(12.0, "12")]
    [InlineData(595.2756, "595.2756")]
    [InlineData(0.123456, "0.1235")]
    [InlineData(-3.5, "-3.5")]
    [InlineData(1e-7, "0")]
    [InlineData(12345678.9, "12345678.9")]
    [InlineData(1e20, "100000000000000000000")]
    public void Numbers_are_invariant_short_and_never_exponents(double value, string expected)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            Assert.Equal(expected, PdfSyntax.Number(value));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Numbers_written_by_hand_match_the_custom_format_they_replace()
    {
        // The fast path must write exactly what "0.####" wrote, or every PDF's bytes change: random numbers of the
        // sizes a page uses, ties at the fifth decimal, and the edge of the fast path.
        var random = new Random(14);
        var values = new List<double> { 0.00005, -0.00005, 0.00015, 2.675, 1.00005, 9_999_999_999.99994, -9_999_999_999.99996, 1e10, 123.45675 };
        for (var i = 0; i < 200_000; i++)
        {
            var magnitude = Math.Pow(10, random.Next(-5, 11));
            values.Add((random.NextDouble() * 2 - 1) * magnitude);
            values.Add(Math.Round(random.NextDouble() * 1000, 5)); // ties at the fifth decimal
        }
        foreach (var value in values)
        {
            var rounded = Math.Round(value, 4, MidpointRounding.AwayFromZero);
            var expected = rounded == 0 ? "0" : rounded.ToString("0.####", CultureInfo.InvariantCulture);
            Assert.True(expected == PdfSyntax.Number(value), $"{value:R}: expected {expected}, got {PdfSyntax.Number(value)}");
        }
    }

    [Fact]
    public void Dates_carry_their_offset()
    {
        Assert.Equal("D:20260401093000+09'00'", PdfSyntax.Date(new DateTimeOffset(2026, 4, 1, 9, 30, 0, TimeSpan.FromHours(9))));
        Assert.Equal("D:20251231235959-05'30'", PdfSyntax.Date(new DateTimeOffset(2025, 12, 31, 23, 59, 59, TimeSpan.FromMinutes(-330))));
    }

    [Fact]
    public void Text_strings_are_literal_when_ASCII_and_UTF16_hex_otherwise()
    {
        Assert.Equal(@"(a \(b\) c\\)", PdfSyntax.TextString(@"a (b) c\"));
        Assert.Equal("<FEFF6C11>", PdfSyntax.TextString("民"));
        Assert.Equal("<FEFFD83DDCF0>", PdfSyntax.TextString("📰"));
    }

    [Fact]
    public void Names_escape_delimiters_and_non_ASCII()
    {
        Assert.Equal("/A#20B#2F#E6#B0#91", PdfSyntax.Name("A B/民"));
    }
}
