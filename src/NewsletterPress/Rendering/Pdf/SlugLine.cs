using System.Collections.Immutable;
using System.Globalization;
using NewsletterPress.Display;
using NewsletterPress.Shared;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// The slug line of a print file: one line of small type below the bottom crop marks, outside the
/// bleed, naming the newsletter and volume, the page, the date and the profile, so that a plate or
/// a proof sheet on the press floor says what it is. Like the crop marks it belongs to the sheet, not
/// to the page, so the writer adds it (as an artifact) and the layout never sees it.
/// It is set glyph by glyph from the font's cmap, without shaping: plain text on one line where
/// kerning and ligatures do not matter, in a font the document already embeds.
/// </summary>
internal static class SlugLine
{
    /// <summary>6 pt, shrunk down to 4 pt when a long title needs it.</summary>
    private const double Size = 6, MinimumSize = 4;

    /// <summary>The line starts 10 mm right of the trim's left edge, clear of the corner marks.</summary>
    private const double Left = 10 * Length.PointsPerMillimetre;

    /// <summary>Baseline 6 mm below the trim: 3 mm beyond the bleed, within the 10 mm of the marks.</summary>
    private const double BelowTrim = 6 * Length.PointsPerMillimetre;

    /// <summary>It must end before the bottom centre mark, whose cross bar reaches 10 mm left of the middle.</summary>
    private const double ClearOfCentreMark = 12 * Length.PointsPerMillimetre;

    public static string Text(DocumentInfo info, ProfileRules rules, Page page, int number, int pages) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{info.Title} | {Sheet(info, rules, page, number, pages)}");

    /// <summary>The slug without the title: what is left when no font of the document has the title's
    /// characters (only in documents made by hand: the masthead sets the title in these fonts).</summary>
    private static string Sheet(DocumentInfo info, ProfileRules rules, Page page, int number, int pages) =>
        string.Create(CultureInfo.InvariantCulture,
            $"page {page.Label} ({number} of {pages}) | {info.Date:yyyy-MM-dd} | {ProfileName(rules)}");

    /// <summary>Adds the slug line to every page, each character in the first of the document's fonts that
    /// has it. A document without text has no font to set it in and gets none.</summary>
    public static DisplayDocument Add(DisplayDocument document, ProfileRules rules)
    {
        var fonts = document.Pages.SelectMany(p => p.Items).OfType<GlyphRun>()
            .Where(r => !r.Glyphs.IsDefaultOrEmpty)
            .OrderBy(r => r.Element is null ? 0 : 1) // page furniture's font first: it already sets the title
            .Select(r => r.Font).Distinct().ToList();
        if (fonts.Count == 0)
            return document;
        var programs = new List<FontProgram>();
        try
        {
            programs.AddRange(fonts.Select(FontProgram.Open));
            var pages = ImmutableArray.CreateBuilder<Page>(document.Pages.Length);
            for (var i = 0; i < document.Pages.Length; i++)
            {
                var page = document.Pages[i];
                var maxWidth = page.Width / 2 - ClearOfCentreMark - Left;
                var runs = (Set(Text(document.Info, rules, page, i + 1, document.Pages.Length), programs, maxWidth)
                        ?? Set(Sheet(document.Info, rules, page, i + 1, document.Pages.Length), programs, maxWidth)
                        ?? throw new PdfWriterException($"No font of the document has the digits and letters of the slug line on page {page.Label}."))
                    .Select(r => r with { X = Left + r.X, Y = page.Height + BelowTrim });
                pages.Add(page with { Items = page.Items.AddRange(runs) });
            }
            return document with { Pages = pages.ToImmutable() };
        }
        finally
        {
            foreach (var program in programs)
                program.Dispose();
        }
    }

    /// <summary>The line as runs of one font each, at 6 pt or smaller so that it fits <paramref name="maxWidth"/>;
    /// null when some character is in none of the fonts.</summary>
    private static List<GlyphRun>? Set(string text, List<FontProgram> programs, double maxWidth)
    {
        var glyphs = new List<(FontProgram Program, uint Glyph, double Advance, string Text)>();
        foreach (var rune in text.EnumerateRunes())
        {
            var (program, glyph) = programs.Select(p => (p, p.GlyphOf(rune.Value))).FirstOrDefault(c => c.Item2 is not null);
            if (program is null)
                return null;
            glyphs.Add((program, glyph!.Value, program.Width(glyph.Value) / 1000, rune.ToString()));
        }
        var runs = new List<GlyphRun>();
        var size = Math.Max(MinimumSize, Math.Min(Size, maxWidth / glyphs.Sum(g => g.Advance)));
        var pen = 0.0;
        foreach (var group in glyphs.ChunkBy(g => g.Program))
        {
            var start = pen;
            var placed = ImmutableArray.CreateBuilder<PlacedGlyph>(group.Count);
            foreach (var (_, glyph, advance, character) in group)
            {
                placed.Add(new PlacedGlyph(glyph, pen - start, 0, advance * size, character));
                pen += advance * size;
            }
            runs.Add(new GlyphRun(group[0].Program.Source, size, start, 0, Ink.Black, placed.ToImmutable()));
        }
        return runs;
    }

    /// <summary>Consecutive items with the same key, in order.</summary>
    private static IEnumerable<List<T>> ChunkBy<T, TKey>(this IEnumerable<T> items, Func<T, TKey> key)
    {
        List<T>? chunk = null;
        foreach (var item in items)
        {
            if (chunk is not null && !EqualityComparer<TKey>.Default.Equals(key(chunk[0]), key(item)))
            {
                yield return chunk;
                chunk = null;
            }
            (chunk ??= []).Add(item);
        }
        if (chunk is not null)
            yield return chunk;
    }

    private static string ProfileName(ProfileRules rules) => rules.Profile switch
    {
        PdfProfile.PrintX1a => "PDF/X-1a:2001",
        PdfProfile.Print => "PDF/X-4",
        _ => rules.Profile.ToString(),
    };
}
