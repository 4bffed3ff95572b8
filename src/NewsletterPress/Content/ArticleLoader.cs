using System.Collections.Immutable;
using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NewsletterPress.Diagnostics;
using MdTable = Markdig.Extensions.Tables.Table;

namespace NewsletterPress.Content;

/// <summary>Stage 2: reads one Markdown article (with YAML front matter) into an <see cref="Article"/>.</summary>
public static class ArticleLoader
{
    /// <summary>The class an editor puts on a paragraph of "label：value" lines, e.g. {.fields}.</summary>
    public const string FieldsClass = "fields";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UseFootnotes()
        .UsePipeTables()
        .UseFigures()
        .UseSmartyPants()
        .UsePreciseSourceLocation()
        .UseGenericAttributes() // must come last: it attaches to what the others parsed
        .Build();

    public static Article Load(string path, string defaultLanguage, string issueFolder, WarningLog warnings)
    {
        var display = SourcePosition.DisplayPath(path);
        string markdown;
        try { markdown = File.ReadAllText(path); }
        catch (IOException e) { throw new InputException(new SourcePosition(display, 1, 1), $"cannot read the article: {e.Message}"); }

        var document = Markdown.Parse(markdown, Pipeline);
        var converter = new BlockConverter(display, Path.GetDirectoryName(path)!, issueFolder, warnings);

        var yaml = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault()
            ?? throw new InputException(new SourcePosition(display, 1, 1),
                "the article has no front matter; start it with a '---' block holding at least 'title:'");
        var front = FrontMatter.Parse(string.Join("\n", yaml.Lines.Lines.Take(yaml.Lines.Count).Select(l => l.ToString())),
            display, yaml.Line + 2, new SourcePosition(display, yaml.Line + 1, 1));

        var blocks = ImmutableArray.CreateBuilder<Block>();
        var footnotes = ImmutableArray.CreateBuilder<Footnote>();
        foreach (var block in document)
        {
            if (block is YamlFrontMatterBlock) continue;
            if (block is FootnoteGroup group)
            {
                foreach (var note in group.OfType<Markdig.Extensions.Footnotes.Footnote>().OrderBy(n => n.Order))
                    footnotes.Add(new Footnote(note.Label ?? "", note.Order, converter.ConvertAll(note)));
                continue;
            }
            converter.Convert(block, blocks);
        }

        // Smart quotes apply to the front matter as to the body (issue 12: "NGOs'" in a title kept its straight apostrophe).
        return new Article(path, TypographicQuotes.Apply(front.Title), Smart(front.Kicker), Smart(front.Author), Smart(front.Affiliation),
            front.Lang ?? defaultLanguage, front.Columns, blocks.ToImmutable(), footnotes.ToImmutable());

        static string? Smart(string? text) => text is null ? null : TypographicQuotes.Apply(text);
    }

    private sealed class BlockConverter(string file, string articleFolder, string issueFolder, WarningLog warnings)
    {
        private readonly InlineConverter _inlines = new(file, warnings);

        public ImmutableArray<Block> ConvertAll(ContainerBlock container)
        {
            var list = ImmutableArray.CreateBuilder<Block>();
            foreach (var child in container) Convert(child, list);
            return list.ToImmutable();
        }

        public void Convert(Markdig.Syntax.Block block, ImmutableArray<Block>.Builder output)
        {
            var where = new SourcePosition(file, block.Line + 1, block.Column + 1);
            switch (block)
            {
                case HeadingBlock h:
                    output.Add(new Heading(where, h.Level, _inlines.Convert(h.Inline)));
                    break;
                case ParagraphBlock p when HasClass(p, FieldsClass):
                    output.Add(ToFields(where, _inlines.Convert(p.Inline, softBreaksAreLines: true)));
                    break;
                case ParagraphBlock p when SoleImage(p) is { } image:
                    output.Add(ToFigure(where, image));
                    break;
                case ParagraphBlock p:
                    var text = _inlines.Convert(p.Inline);
                    if (text.Length > 0) output.Add(new Paragraph(where, text));
                    break;
                case Markdig.Syntax.ListBlock list:
                    var items = list.OfType<ListItemBlock>().Select(ConvertAll).ToImmutableArray();
                    int start = int.TryParse(list.OrderedStart, out var s) ? s : 1;
                    output.Add(new ListBlock(where, list.IsOrdered, start, items));
                    break;
                case QuoteBlock quote:
                    output.Add(new Quote(where, ConvertAll(quote)));
                    break;
                case CodeBlock code:
                    // An empty fence has no line array at all; there is nothing to print.
                    if (code.Lines.Count == 0 || code.Lines.Lines is null) break;
                    var lines = string.Join("\n", code.Lines.Lines.Take(code.Lines.Count).Select(l => l.ToString()));
                    output.Add(new Paragraph(where, [new Span(lines, SpanStyle.Code)]));
                    break;
                case ThematicBreakBlock:
                    output.Add(new ThematicBreak(where));
                    break;
                case MdTable table:
                    output.Add(new Table(where, table.OfType<TableRow>()
                        .Select(r => r.OfType<TableCell>()
                            .Select(c => c.OfType<ParagraphBlock>().SelectMany(p => _inlines.Convert(p.Inline)).ToImmutableArray())
                            .ToImmutableArray())
                        .ToImmutableArray(),
                        table.ColumnDefinitions.Select(d => d.Alignment switch
                        {
                            TableColumnAlign.Right => CellAlignment.End,
                            TableColumnAlign.Center => CellAlignment.Center,
                            _ => CellAlignment.Start,
                        }).ToImmutableArray()));
                    break;
                case Markdig.Extensions.Figures.Figure figure:
                    foreach (var child in figure) Convert(child, output);
                    break;
                case HtmlBlock html:
                    warnings.Add(where, "raw HTML is not rendered in print; write the text as Markdown");
                    break;
                case LinkReferenceDefinitionGroup or BlankLineBlock:
                    break;
                case ContainerBlock container:
                    foreach (var child in container) Convert(child, output);
                    break;
                case LeafBlock leaf when leaf.Inline is not null:
                    output.Add(new Paragraph(where, _inlines.Convert(leaf.Inline)));
                    break;
                default:
                    warnings.Add(where, $"a Markdown element of kind {block.GetType().Name} is not supported in print");
                    break;
            }
        }

        private static bool HasClass(Markdig.Syntax.Block block, string cls) =>
            block.TryGetAttributes()?.Classes?.Contains(cls) == true;

        private static LinkInline? SoleImage(ParagraphBlock p) =>
            p.Inline?.FirstChild is LinkInline { IsImage: true } img && img.NextSibling is null ? img : null;

        private Figure ToFigure(SourcePosition where, LinkInline image)
        {
            var full = Path.GetFullPath(Path.Combine(articleFolder, image.Url ?? ""));
            if (!full.StartsWith(issueFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new InputException(where, $"the image '{image.Url}' is outside the issue folder; copy it into images/");
            if (!File.Exists(full))
                throw new InputException(where, $"the image '{image.Url}' was not found (looked for {full})");
            var caption = _inlines.Convert(image);
            var attributes = image.TryGetAttributes();
            double? width = null;
            if (attributes?.Properties?.FirstOrDefault(p => p.Key == "width").Value is { } w)
            {
                if (!w.EndsWith('%') || !double.TryParse(w[..^1], System.Globalization.NumberStyles.Float,
                        System.Globalization.CultureInfo.InvariantCulture, out var percent) || percent is <= 0 or > 100)
                    throw new InputException(where, $"width={w}: write the width as a percentage of the column, e.g. {{width=50%}}");
                width = percent / 100;
            }
            bool spans = attributes?.Classes?.Contains("span") == true;
            return new Figure(where, full, caption, width, spans);
        }

        /// <summary>Splits "label：value" lines (one per forced or soft line) into fields.</summary>
        private Fields ToFields(SourcePosition where, ImmutableArray<Span> text)
        {
            var all = string.Concat(text.Select(s => s.Text));
            var rows = ImmutableArray.CreateBuilder<Field>();
            foreach (var line in all.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                int colon = line.IndexOfAny(['：', ':']);
                if (colon <= 0)
                    throw new InputException(where, $"the {{.{FieldsClass}}} line '{line}' has no 'label：value' colon");
                rows.Add(new Field([new Span(line[..colon].Trim())], [new Span(line[(colon + 1)..].Trim())]));
            }
            if (rows.Count == 0)
                throw new InputException(where, $"the {{.{FieldsClass}}} paragraph has no 'label：value' lines; write one per line, e.g. 日時：2022年11月18日");
            return new Fields(where, rows.ToImmutable());
        }
    }
}
