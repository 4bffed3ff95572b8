using System.Collections.Immutable;
using System.Globalization;
using NewsletterPress.Diagnostics;
using NewsletterPress.Content;
using NewsletterPress.Manifest;
using NewsletterPress.Text;

namespace NewsletterPress.Layout.Furniture;

/// <summary>
/// The CONTENTS list: "kicker: title", dot leaders and the page number the plan computed, each line linking to its
/// article. The entries are set once, before the pages are planned; the numbers, set when the plan is known, never
/// change the list's height (an entry's text keeps <see cref="Look.Contents.NumberRoomEm"/> free for them).
/// </summary>
internal sealed class ContentsList
{
    private readonly ContentsSettings _settings;
    private readonly ParagraphSetter _setter;
    private readonly LayoutConfig _config;
    private readonly TypeScale _scale;
    private readonly int _titleElement;
    private readonly List<Entry> _entries = [];

    /// <summary>One article's line(s), set, with its structure element: the Link inside the entry's TOCI → Reference.</summary>
    private sealed record Entry(ImmutableArray<TextLine> Lines, int Element);

    public ContentsList(ContentsSettings settings, IReadOnlyList<Article> articles, ParagraphSetter setter, LayoutConfig config,
        TypeScale scale, StructureBuilder structure)
    {
        (_settings, _setter, _config, _scale) = (settings, setter, config, scale);
        // The title goes before the TOC element, which holds only TOCI (ISO 32000-2 Annex L).
        _titleElement = structure.Add(Display.StructureRole.P, structure.Root);
        int toc = structure.Add(Display.StructureRole.TOC, structure.Root);
        double textWidth = config.BlockWidth - config.BodySize * Look.Contents.NumberRoomEm;
        // Every title is set even after one fails, so that all titles too long for the list are told in one run.
        var errors = new InputErrors();
        foreach (var article in articles)
        {
            var lines = errors.Try(() => MissingGlyphs.At(IssueLayout.FrontMatter(article), () => setter.Set(
                Collect.ArticleCollector.Runs([new Span(article.ContentsLine)], scale.Contents),
                new ParagraphFormat(textWidth, 0, false, article.Lang, config.BodySize, Display: true))), []);
            if (lines.Length > Look.Contents.MaxEntryLines)
                errors.Add(new InputException(article.TitleWhere ?? IssueLayout.FrontMatter(article), $"the title takes {lines.Length} lines in the contents " +
                    $"(at most {Look.Contents.MaxEntryLines}); shorten the title or the kicker"));
            // TOCI → Reference → Link: the entry's text and page number are the link's content.
            int entry = structure.Add(Display.StructureRole.Link,
                structure.Add(Display.StructureRole.Reference, structure.Add(Display.StructureRole.TOCI, toc)));
            _entries.Add(new Entry(lines, entry));
        }
        errors.ThrowIfAny();
        Lines = Compose(articles.Select(_ => 0).ToList()).Lines;
    }

    /// <summary>Grid lines the list takes, whatever its page numbers.</summary>
    public int Lines { get; }

    /// <summary>The list with each article's page number.</summary>
    public Band Compose(IReadOnlyList<int> pages)
    {
        var band = new BandBuilder(_config);
        double width = _config.BlockWidth, em = _config.BodySize;
        var titleLine = _setter.Set([new TextRun(_settings.Title, _scale.ContentsTitle)], new ParagraphFormat(width, 0, false, "en", em))[0];
        band.AddLine(titleLine, 0, _config.Leading, _titleElement);
        band.Rule(em * Look.Contents.RuleGapEm, 0, width, Look.Contents.RuleWeight, _scale.Accent);

        for (int i = 0; i < _entries.Count; i++)
        {
            var entry = _entries[i];
            var number = _setter.Set([new TextRun(pages[i].ToString(CultureInfo.InvariantCulture), _scale.Contents)],
                new ParagraphFormat(width, 0, false, "en", em))[0];
            double top = band.Depth;
            bool firstLine = true;
            foreach (var line in entry.Lines)
            {
                // At least a line's height below whatever is above (the rule under the title, or the previous entry).
                band.AddGridLine(line, em, firstLine ? em * Look.Contents.EntryAdvanceEm : 0, entry.Element);
                firstLine = false;
            }
            double leaderStart = em + entry.Lines[^1].NaturalWidth + em * Look.Contents.LeaderGapEm;
            double leaderEnd = width - number.NaturalWidth - em * Look.Contents.LeaderGapEm;
            AddLeaders(band, leaderStart, leaderEnd);
            band.Add(new TextFragment(number, width - number.NaturalWidth, band.Depth) { Element = entry.Element });
            band.Add(new LinkFragment(0, top + _config.Leading * Look.Contents.LinkTopLeading, width, band.Depth - top, null,
                IssueLayout.ArticleAnchor(i))
            { Element = entry.Element });
        }
        return band.Build(_config.Leading);
    }

    /// <summary>Dot leaders in the accent colour, spaced evenly so they end exactly before the number.</summary>
    private void AddLeaders(BandBuilder band, double from, double to)
    {
        var dot = _setter.Set([new TextRun(".", _scale.Contents with { Ink = _scale.Accent })],
            new ParagraphFormat(_config.BlockWidth, 0, false, "en", _config.BodySize))[0];
        double pitch = _config.BodySize * Look.Contents.LeaderPitchEm;
        int count = (int)Math.Floor((to - from) / pitch);
        if (count < 1) return;
        var glyph = dot.Glyphs[0];
        var glyphs = Enumerable.Range(0, count)
            .Select(k => glyph with { X = to - (count - k) * pitch + (pitch - glyph.Advance) / 2, Text = k == 0 ? " " : "" })
            .ToImmutableArray();
        band.Add(new TextFragment(dot with { Glyphs = glyphs }, 0, band.Depth));
    }
}
