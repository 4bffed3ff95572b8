using System.Collections.Immutable;
using NewsletterPress.Diagnostics;

namespace NewsletterPress.Content;

// Stage 2's output: our own immutable document model. Nothing here depends on Markdig,
// so layout and tests can build documents by hand.

[Flags]
public enum SpanStyle { None = 0, Bold = 1, Italic = 2, Code = 4, Superscript = 8 }

/// <summary>A run of text with one style. "\n" inside <see cref="Text"/> is a forced line break.</summary>
/// <param name="Link">A URI (http:, https:, mailto:) this text links to, if any.</param>
/// <param name="Lang">A language override for this span (from {lang=xx}), else null.</param>
public sealed record Span(string Text, SpanStyle Style = SpanStyle.None, string? Link = null, string? Lang = null);

public abstract record Block(SourcePosition Where);

public sealed record Heading(SourcePosition Where, int Level, ImmutableArray<Span> Text) : Block(Where);

public sealed record Paragraph(SourcePosition Where, ImmutableArray<Span> Text) : Block(Where);

/// <summary>A list; each item is a sequence of blocks.</summary>
public sealed record ListBlock(SourcePosition Where, bool Ordered, int Start, ImmutableArray<ImmutableArray<Block>> Items)
    : Block(Where);

public sealed record Quote(SourcePosition Where, ImmutableArray<Block> Blocks) : Block(Where);

public sealed record Field(ImmutableArray<Span> Label, ImmutableArray<Span> Value);

/// <summary>Label/value lines such as 日時：… 場所：…, whose values align on one tab.</summary>
public sealed record Fields(SourcePosition Where, ImmutableArray<Field> Rows) : Block(Where);

public enum CellAlignment { Start, Center, End }

/// <summary>A table: the first row is the header; one alignment per column (from |---:|).</summary>
public sealed record Table(SourcePosition Where, ImmutableArray<ImmutableArray<ImmutableArray<Span>>> Rows,
    ImmutableArray<CellAlignment> Alignments) : Block(Where);

/// <summary>An image with its caption; <see cref="Path"/> is absolute, inside the issue folder.</summary>
/// <param name="Width">The share of the column (or, when spanning, of the text block) the editor asked for, from {width=50%}.</param>
/// <param name="Spans">True for {.span}: the figure goes across all columns.</param>
public sealed record Figure(SourcePosition Where, string Path, ImmutableArray<Span> Caption, double? Width = null, bool Spans = false)
    : Block(Where)
{
    public string Alt => string.Concat(Caption.Select(s => s.Text));
}

public sealed record ThematicBreak(SourcePosition Where) : Block(Where);

public sealed record Footnote(string Label, int Number, ImmutableArray<Block> Blocks);

public sealed record Article(
    string SourcePath,
    string Title,
    string? Kicker,
    string? Author,
    string? Affiliation,
    string Lang,
    int? Columns,
    ImmutableArray<Block> Blocks,
    ImmutableArray<Footnote> Footnotes)
{
    /// <summary>draft: true in the front matter: built only with --drafts.</summary>
    public bool Draft { get; init; }

    /// <summary>Where the title's value is in the front matter, for an error about the title (too long for the
    /// contents list); null for an article built by hand.</summary>
    public SourcePosition? TitleWhere { get; init; }

    /// <summary>Every figure of the article, in lists, quotes and footnotes too.</summary>
    public IEnumerable<Figure> Figures => FiguresIn(Blocks.Concat(Footnotes.SelectMany(n => n.Blocks)));

    private static IEnumerable<Figure> FiguresIn(IEnumerable<Block> blocks) => blocks.SelectMany(b => b switch
    {
        Figure f => [f],
        Quote q => FiguresIn(q.Blocks),
        ListBlock l => l.Items.SelectMany(item => FiguresIn(item)),
        _ => [],
    });

    /// <summary>The line in the contents list: "kicker: title" (a full-width colon in Japanese: 「報告：題名」), or the title alone.</summary>
    public string ContentsLine => Kicker is null ? Title
        : Lang.StartsWith("ja", StringComparison.Ordinal) ? $"{Kicker}：{Title}" : $"{Kicker}: {Title}";
}
