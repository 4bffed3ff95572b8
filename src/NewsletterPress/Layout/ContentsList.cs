using System.Collections.Immutable;
using System.Globalization;
using NewsletterPress.Content;
using NewsletterPress.Manifest;
using NewsletterPress.Text;

namespace NewsletterPress.Layout;

/// <summary>
/// The CONTENTS list: "kicker: title", dot leaders and the page number the layout computed,
/// each line linking to its article.
/// </summary>
internal static class ContentsList
{
    public static Band Compose(ContentsSettings settings, IReadOnlyList<Article> articles, IReadOnlyList<int> pages,
        ParagraphSetter setter, LayoutConfig config, TypeScale scale, StructureBuilder structure)
    {
        // The title goes before the TOC element, which holds only TOCI (ISO 32000-2 Annex L).
        int title = structure.Add(Display.StructureRole.P, structure.Root);
        int toc = structure.Add(Display.StructureRole.TOC, structure.Root);
        var band = new BandBuilder(config);
        double width = config.BlockWidth;
        var titleLine = setter.Set([new TextRun(settings.Title, scale.ContentsTitle)],
            new ParagraphFormat(width, 0, false, "en", config.BodySize))[0];
        band.AddLine(titleLine, 0, config.Leading, title);
        band.Rule(config.BodySize * 0.5, 0, width, 0.5, scale.Accent);

        var style = scale.Contents;
        for (int i = 0; i < articles.Count; i++)
        {
            var number = setter.Set([new TextRun(pages[i].ToString(CultureInfo.InvariantCulture), style)],
                new ParagraphFormat(width, 0, false, "en", config.BodySize))[0];
            // Leave room for the number and at least three leader dots.
            double textWidth = width - config.BodySize * 4;
            var article = articles[i];
            var lines = MissingGlyphs.At(IssueLayout.FrontMatter(article), () => setter.Set(BlockComposer.Runs([new Span(article.ContentsLine)], style, article.Lang),
                new ParagraphFormat(textWidth, 0, false, article.Lang, config.BodySize)));
            double top = band.Depth;
            // TOCI → Reference → Link: the entry's text and page number are the link's content.
            int entry = structure.Add(Display.StructureRole.Link,
                structure.Add(Display.StructureRole.Reference, structure.Add(Display.StructureRole.TOCI, toc)));
            bool firstLine = true;
            foreach (var line in lines)
            {
                // At least a line's height below whatever is above (the rule under the title, or the previous entry).
                band.AddGridLine(line, config.BodySize, firstLine ? config.BodySize * 1.2 : 0, entry);
                firstLine = false;
            }
            var last = lines[^1];
            double leaderStart = config.BodySize + last.NaturalWidth + config.BodySize * 0.5;
            double leaderEnd = width - number.NaturalWidth - config.BodySize * 0.5;
            AddLeaders(band, setter, scale, config, leaderStart, leaderEnd);
            band.Add(new TextFragment(number, width - number.NaturalWidth, band.Depth) { Element = entry });
            band.Add(new LinkFragment(0, top + config.Leading * 0.2, width, band.Depth - top, null, IssueLayout.ArticleAnchor(i))
            {
                Element = entry,
            });
        }
        return band.Build(config.Leading);
    }

    /// <summary>Dot leaders in the accent colour, spaced evenly so they end exactly before the number.</summary>
    private static void AddLeaders(BandBuilder band, ParagraphSetter setter, TypeScale scale, LayoutConfig config, double from, double to)
    {
        var dot = setter.Set([new TextRun(".", scale.Contents with { Ink = scale.Accent })],
            new ParagraphFormat(config.BlockWidth, 0, false, "en", config.BodySize))[0];
        double pitch = config.BodySize * 0.6;
        int count = (int)Math.Floor((to - from) / pitch);
        if (count < 1) return;
        var glyph = dot.Glyphs[0];
        var glyphs = Enumerable.Range(0, count)
            .Select(k => glyph with { X = to - (count - k) * pitch + (pitch - glyph.Advance) / 2, Text = k == 0 ? " " : "" })
            .ToImmutableArray();
        band.Add(new TextFragment(dot with { Glyphs = glyphs }, 0, band.Depth));
    }
}
