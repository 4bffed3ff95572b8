using System.Globalization;
using System.Text.RegularExpressions;
using NewsletterPress.Tests.Pdf;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.EndToEnd;

/// <summary>
/// Figures and footnotes read back from the PDF: a figure is never before the text that introduces
/// it and its caption sits right under it on the same page; a footnote is at the foot of the column
/// of the page that calls it. Images come from `mutool trace`, text from mupdf's structured text.
/// </summary>
public class FiguresAndNotesTests
{
    private sealed record PlacedImage(int Page, double Left, double Top, double Width, double Height);

    private static List<PlacedImage> Images(string pdf)
    {
        var images = new List<PlacedImage>();
        int page = 0;
        foreach (var line in PdfTools.Ok("mutool", "trace", pdf).Split('\n'))
        {
            if (Regex.Match(line, @"<page number=""(\d+)""") is { Success: true } p) page = int.Parse(p.Groups[1].Value, CultureInfo.InvariantCulture);
            // The image's unit square maps to [a 0 0 d e f]: in mupdf's top-down space (e, f) is its top left.
            if (Regex.Match(line, @"<fill_image .*transform=""([-\d. ]+)""") is { Success: true } m)
            {
                var t = m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                images.Add(new PlacedImage(page, t[4], t[5], t[0], t[3]));
            }
        }
        return images;
    }

    /// <summary>The page and the first character of the first place the text appears, spaces ignored.</summary>
    private static (int Page, PdfChar First) Find(IReadOnlyList<PdfChar> chars, string text)
    {
        var visible = chars.Where(c => c.Text.Trim().Length > 0).ToList();
        var joined = string.Concat(visible.Select(c => c.Text));
        int at = joined.IndexOf(text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{text}' is not in the PDF");
        return (visible[at].Page, visible[at]);
    }

    [Fact]
    public void A_figure_comes_after_the_text_that_introduces_it_with_its_caption_right_under_it_on_the_same_page()
    {
        var built = BuiltIssues.Get("samples/figures-and-tables");
        var images = Images(built.Pdf);
        Assert.Equal(2, images.Count);
        (string Introduction, string Caption)[] figures =
        [
            ("下の図は年度ごとの会員数を示したものです。", "年度別の会員数"),
            ("This article reports what they found and what we plan to do next.", "The north quay at dawn"),
        ];
        for (int i = 0; i < figures.Length; i++)
        {
            var image = images[i];
            var (introPage, intro) = Find(built.Chars, figures[i].Introduction);
            var (captionPage, caption) = Find(built.Chars, figures[i].Caption);
            Assert.True(introPage < image.Page || (introPage == image.Page && (intro.Baseline < image.Top || intro.X < image.Left - built.Config.ColumnGap)),
                $"figure {i + 1} on page {image.Page} comes before its introduction on page {introPage}");
            Assert.Equal(image.Page, captionPage);
            double bottom = image.Top + image.Height;
            Assert.InRange(caption.Baseline, bottom, bottom + 2 * built.Config.Leading);
            Assert.InRange(caption.X, image.Left - built.Config.ColumnWidth, image.Left + image.Width);
        }
    }

    [Fact]
    public void Every_footnote_is_at_the_foot_of_the_column_and_page_that_call_it()
    {
        var built = BuiltIssues.Get("samples/long-article");
        var config = built.Config;
        var body = built.Chars.Where(c => Math.Abs(c.Size - config.BodySize) < 0.01).ToList();
        // A call is a raised digit (0.62 of the body size) in a body line; its note is a 7.5 pt line that starts with the number.
        var calls = built.Chars.Where(c => c.Size < config.BodySize * 0.7 && char.IsAsciiDigit(c.Text[0])
                                           && body.Any(b => b.Line == c.Line)).ToList();
        // A note's first line is its number and an en space; its other lines may start with a digit too (1970s).
        var noteStarts = built.Chars.Where(c => Math.Abs(c.Size - 7.5) < 0.01).GroupBy(c => c.Line)
            .Where(g => g.Count() > 1 && char.IsAsciiDigit(g.First().Text[0]) && g.ElementAt(1).Text.Trim().Length == 0)
            .Select(g => g.First()).ToList();
        Assert.Equal(4, calls.Count);
        Assert.Equal(4, noteStarts.Count);
        foreach (var call in calls)
        {
            var note = Assert.Single(noteStarts, n => n.Text == call.Text);
            Assert.Equal(call.Page, note.Page);
            bool sameColumn = Math.Abs((call.X - config.BlockLeft(call.Page)) / (config.ColumnWidth + config.ColumnGap) -
                                       (note.X - config.BlockLeft(note.Page)) / (config.ColumnWidth + config.ColumnGap)) < 1
                              && (call.X < config.BlockLeft(call.Page) + config.ColumnWidth) == (note.X < config.BlockLeft(note.Page) + config.ColumnWidth);
            Assert.True(sameColumn, $"note {call.Text} is not in the column of its call");
            // At the foot of the column: under its call, and no body text of that column below it (on the last page
            // of an article the column ends where its balanced region does).
            bool InNoteColumn(PdfChar c) => c.Page == note.Page && Math.Abs(c.X - note.X) < config.ColumnWidth && c.X >= note.X - 1;
            Assert.True(note.Baseline > call.Baseline, $"note {call.Text} is above its call");
            Assert.DoesNotContain(body, c => InNoteColumn(c) && c.Baseline > note.Baseline);
        }
    }
}
