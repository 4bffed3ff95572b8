using System.Collections.Immutable;
using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NewsletterPress.Diagnostics;
using NewsletterPress.Files;
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

    /// <summary>Lists and quotes nest at most this deep: each level indents the text, and past a few
    /// levels the column has no room left for it.</summary>
    public const int MaxNesting = 8;

    /// <summary>A paragraph (or code block, caption, table cell) longer than this is refused: line
    /// breaking a whole paragraph at once costs memory and time that grow with its length, and no
    /// newsletter paragraph comes near it.</summary>
    public const int MaxParagraphLength = 20_000;

    /// <param name="readDraftBody">False: an article with draft: true is returned with its front matter only, so that a
    /// draft being written (a missing image, a broken table) never stops a build that leaves it out.</param>
    public static Article Load(string path, string defaultLanguage, string issueFolder, WarningLog warnings, bool readDraftBody = true)
    {
        var display = SourcePosition.DisplayPath(path);
        var realFolder = InputFiles.RealFolder(issueFolder);
        var markdown = InputFiles.ReadText(path, FileRule.Article, SourcePosition.WholeFile(path), display, realFolder);

        MarkdownDocument document;
        try { document = Markdown.Parse(markdown, Pipeline); }
        catch (ArgumentException e) when (e.Message.Contains("nested", StringComparison.Ordinal))
        {
            // Markdig refuses input nested past its own depth limit, without saying where.
            throw new InputException(DeepestLine(markdown, display),
                $"lists, quotes or brackets are nested too deeply here to make sense in print (at most {MaxNesting} levels); flatten them");
        }
        // Every error of the body is recorded and the next block read, so that one run reports them all (issue 13).
        var errors = new InputErrors();
        var converter = new BlockConverter(display, Path.GetDirectoryName(path)!, issueFolder, realFolder, warnings, errors);

        var yaml = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        var front = yaml is null
            ? errors.Try<FrontMatter?>(() => throw new InputException(new SourcePosition(display, 1, 1),
                "the article has no front matter; start it with a '---' block holding at least 'title:'"), null)
            : errors.Try<FrontMatter?>(() => FrontMatter.Parse(string.Join("\n", yaml.Lines.Lines.Take(yaml.Lines.Count).Select(l => l.ToString())),
                display, yaml.Line + 2, new SourcePosition(display, yaml.Line + 1, 1)), null);
        if (front is { Draft: true } && !readDraftBody)
            return new Article(path, front.Title, front.Kicker, front.Author, front.Affiliation, front.Lang ?? defaultLanguage, front.Columns, [], [])
            { Draft = true };

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
        errors.ThrowIfAny();

        // Smart quotes apply to the front matter as to the body (issue 12: "NGOs'" in a title kept its straight apostrophe).
        return new Article(path, TypographicQuotes.Apply(front!.Title), Smart(front.Kicker), Smart(front.Author), Smart(front.Affiliation),
            front.Lang ?? defaultLanguage, front.Columns, blocks.ToImmutable(), footnotes.ToImmutable())
        { Draft = front.Draft, TitleWhere = front.TitleWhere };

        static string? Smart(string? text) => text is null ? null : TypographicQuotes.Apply(text);
    }

    /// <summary>The line whose leading quote and list markers nest deepest: where Markdig gave up.</summary>
    private static SourcePosition DeepestLine(string markdown, string file)
    {
        var lines = markdown.Split('\n');
        int best = 0, bestDepth = -1;
        for (int i = 0; i < lines.Length; i++)
        {
            int depth = 0;
            foreach (var c in lines[i])
            {
                if (c is '>' or '-' or '*' or '+' or '[') depth++;
                else if (c is not (' ' or '\t')) break;
            }
            depth += (lines[i].Length - lines[i].TrimStart().Length) / 2;
            if (depth > bestDepth) { best = i; bestDepth = depth; }
        }
        return new SourcePosition(file, best + 1, 1);
    }

    /// <summary>Converts Markdig's blocks; a block with an error is recorded in <paramref name="errors"/> and left
    /// out, and the converter goes on with the next.</summary>
    private sealed class BlockConverter(string file, string articleFolder, string issueFolder, string realFolder, WarningLog warnings,
        InputErrors errors)
    {
        private readonly InlineConverter _inlines = new(file, warnings, errors);
        private int _depth;

        public ImmutableArray<Block> ConvertAll(ContainerBlock container)
        {
            var list = ImmutableArray.CreateBuilder<Block>();
            foreach (var child in container) Convert(child, list);
            return list.ToImmutable();
        }

        /// <summary>The blocks of a list item or quote, one nesting level down.</summary>
        private ImmutableArray<Block> ConvertNested(ContainerBlock container, SourcePosition where)
        {
            if (_depth >= MaxNesting)
                throw new InputException(where, $"lists and quotes are nested more than {MaxNesting} levels deep here; each level indents the text, so flatten them");
            _depth++;
            try { return ConvertAll(container); }
            finally { _depth--; }
        }

        private ImmutableArray<Span> Inlines(ContainerInline? inline, SourcePosition where, bool softBreaksAreLines = false)
        {
            var spans = _inlines.Convert(inline, softBreaksAreLines);
            var length = spans.Sum(s => s.Text.Length);
            if (length > MaxParagraphLength)
                throw new InputException(where,
                    $"this paragraph is {length:N0} characters long, more than the {MaxParagraphLength:N0} a paragraph may have; split it into paragraphs");
            return spans;
        }

        public void Convert(Markdig.Syntax.Block block, ImmutableArray<Block>.Builder output) =>
            errors.Try(() => ConvertOne(block, output));

        private void ConvertOne(Markdig.Syntax.Block block, ImmutableArray<Block>.Builder output)
        {
            var where = new SourcePosition(file, block.Line + 1, block.Column + 1);
            switch (block)
            {
                case HeadingBlock h:
                    output.Add(new Heading(where, h.Level, Inlines(h.Inline, where)));
                    break;
                case ParagraphBlock p when HasClass(p, FieldsClass):
                    output.Add(ToFields(where, Inlines(p.Inline, where, softBreaksAreLines: true)));
                    break;
                case ParagraphBlock p when SoleImage(p) is { } image:
                    output.Add(ToFigure(where, image));
                    break;
                case ParagraphBlock p:
                    var text = Inlines(p.Inline, where);
                    if (text.Length > 0) output.Add(new Paragraph(where, text));
                    break;
                case Markdig.Syntax.ListBlock list:
                    var items = list.OfType<ListItemBlock>().Select(item => ConvertNested(item, where)).ToImmutableArray();
                    int start = int.TryParse(list.OrderedStart, out var s) ? s : 1;
                    output.Add(new ListBlock(where, list.IsOrdered, start, items));
                    break;
                case QuoteBlock quote:
                    output.Add(new Quote(where, ConvertNested(quote, where)));
                    break;
                case CodeBlock code:
                    // An empty fence has no line array at all; there is nothing to print.
                    if (code.Lines.Count == 0 || code.Lines.Lines is null) break;
                    var lines = string.Join("\n", code.Lines.Lines.Take(code.Lines.Count).Select(l => l.ToString()));
                    if (lines.Length > MaxParagraphLength)
                        throw new InputException(where, $"this code block is {lines.Length:N0} characters long, more than the {MaxParagraphLength:N0} a paragraph may have; shorten it");
                    output.Add(new Paragraph(where, [new Span(lines, SpanStyle.Code)]));
                    break;
                case ThematicBreakBlock:
                    output.Add(new ThematicBreak(where));
                    break;
                case MdTable table:
                    output.Add(new Table(where, table.OfType<TableRow>()
                        .Select(r => r.OfType<TableCell>()
                            .Select(c => c.OfType<ParagraphBlock>().SelectMany(p => Inlines(p.Inline, where)).ToImmutableArray())
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
                    warnings.Add(where, WarningCode.RawHtml, "raw HTML is not rendered in print; write the text as Markdown");
                    break;
                case LinkReferenceDefinitionGroup or BlankLineBlock:
                    break;
                case ContainerBlock container:
                    foreach (var child in container) Convert(child, output);
                    break;
                case LeafBlock leaf when leaf.Inline is not null:
                    output.Add(new Paragraph(where, Inlines(leaf.Inline, where)));
                    break;
                default:
                    warnings.Add(where, WarningCode.UnsupportedMarkdown, $"a Markdown element of kind {block.GetType().Name} is not supported in print");
                    break;
            }
        }

        private static bool HasClass(Markdig.Syntax.Block block, string cls) =>
            block.TryGetAttributes()?.Classes?.Contains(cls) == true;

        private static LinkInline? SoleImage(ParagraphBlock p) =>
            p.Inline?.FirstChild is LinkInline { IsImage: true } img && img.NextSibling is null ? img : null;

        private Figure ToFigure(SourcePosition paragraph, LinkInline image)
        {
            // The image starts the paragraph; its own span puts the carets under all of it.
            var where = _inlines.Where(image) is var at && at.Line == paragraph.Line ? at : paragraph;
            var url = image.Url ?? "";
            if (url.Contains('\0') || url.Contains("://", StringComparison.Ordinal))
                throw new InputException(where, $"the image '{url}' is not a file in the issue folder; copy it into images/ and name it there");
            var full = ResolveImage(where, url);
            InputFiles.Check(full, FileRule.Image, where, url, realFolder);
            ImageFiles.CheckDecodes(full, where, url);
            var caption = Inlines(image, where);
            var attributes = image.TryGetAttributes();
            double? width = null;
            if (attributes?.Properties?.FirstOrDefault(p => p.Key == "width").Value is { } w)
            {
                if (!w.EndsWith('%') || !double.TryParse(w[..^1], System.Globalization.NumberStyles.Float,
                        System.Globalization.CultureInfo.InvariantCulture, out var percent) || !double.IsFinite(percent) || percent is <= 0 or > 100)
                    throw new InputException(where, $"width={w}: write the width as a percentage of the column, e.g. {{width=50%}}");
                width = percent / 100;
            }
            bool spans = attributes?.Classes?.Contains("span") == true;
            return new Figure(where, full, caption, width, spans);
        }

        /// <summary>An image path resolves against the article's folder first, as Markdown previews do,
        /// then against the issue folder, as the manifest's paths do (issue-format.md); either place
        /// must lie inside the issue folder.</summary>
        private string ResolveImage(SourcePosition where, string url)
        {
            var candidates = new[] { articleFolder, issueFolder }.Distinct()
                .Select(folder => Path.GetFullPath(Path.Combine(folder, url)))
                .Where(full => full.StartsWith(issueFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .Distinct().ToList();
            if (candidates.Count == 0)
                throw new InputException(where, $"the image '{url}' is outside the issue folder; copy it into images/");
            return candidates.FirstOrDefault(full => FileKinds.Of(full).Kind != FileKind.Missing)
                ?? throw new InputException(where, $"the image '{url}' was not found: looked for "
                    + string.Join(" and for ", candidates.Select(SourcePosition.DisplayPath))
                    + " (an image path is relative to the article's folder, or else to the issue folder)");
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
