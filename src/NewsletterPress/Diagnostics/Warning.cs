namespace NewsletterPress.Diagnostics;

/// <summary>What a warning is about, printed as <c>warning[code]</c>: stable for tests, scripts and the editor's
/// searches, while the sentence after it may be reworded.</summary>
public enum WarningCode
{
    /// <summary>Raw HTML in an article, left out of print.</summary>
    RawHtml,
    /// <summary>A Markdown element the layout has no form for.</summary>
    UnsupportedMarkdown,
    /// <summary>An image inside running text.</summary>
    InlineImage,
    /// <summary>A footnote defined but never called.</summary>
    UnusedFootnote,
    /// <summary>A footnote too long for the foot of a column, printed at its article's end.</summary>
    LongFootnote,
    /// <summary>A table wider than the text block, its columns narrowed.</summary>
    TableNarrowed,
    /// <summary>A table taller than a page, split between rows.</summary>
    TableSplit,
    /// <summary>An image taller than a page, scaled down.</summary>
    ImageScaled,
    /// <summary>An unbreakable piece of text wider than the column, cut.</summary>
    UnbreakableCut,
    /// <summary>A column width that is not a whole number of ems, rounded down.</summary>
    ColumnRounded,
    /// <summary>start: new-column that has no column run to join.</summary>
    NewColumnNotJoined,
    /// <summary>A widow, an orphan or a heading at a column foot the flow could not avoid.</summary>
    KeepBroken,
    /// <summary>A last region whose columns end more than a line apart.</summary>
    UnbalancedColumns,
    /// <summary>A page, not the last, less full than the fill rule asks, where nothing forced the break.</summary>
    UnderfullPage,
    /// <summary>A few lines of an article alone on a page.</summary>
    StrandedLines,
    /// <summary>The last page less than half full without the donation box at its foot.</summary>
    EmptyLastPage,
    /// <summary>A contents page of its own (contents.placement: own-page) that is mostly white.</summary>
    EmptyContentsPage,
    /// <summary>The page target (pages:) cannot be met; the copyfit report says what to cut or add.</summary>
    Copyfit,
    /// <summary>A print build whose page count does not fold into sheets (a multiple of 4, or of pages.multiple-of).</summary>
    PageCount,
    /// <summary>An article with draft: true, left out of a build without --drafts.</summary>
    DraftLeftOut,
    /// <summary>A file the volume needs that the archive does not carry (exclude:, or a font licence that does not
    /// allow it): a rebuild from the archive needs it from elsewhere.</summary>
    NotAttached,
}

/// <summary>Something the editor should know about that did not stop the build.</summary>
public sealed record Warning(SourcePosition? Position, WarningCode Code, string Message)
{
    /// <summary>The code as printed: kebab case, as in <c>warning[unbalanced-columns]</c>.</summary>
    public string CodeName => Name(Code);

    public static string Name(WarningCode code) => Kebab(code.ToString());

    /// <summary>"UnbalancedColumns" → "unbalanced-columns".</summary>
    public static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public override string ToString() =>
        Position is null ? $"warning[{CodeName}]: {Message}" : $"{Position}: warning[{CodeName}]: {Message}";
}

/// <summary>Collects warnings from every stage of one build, in the order they were raised.</summary>
public sealed class WarningLog
{
    private readonly List<Warning> _warnings = [];
    public IReadOnlyList<Warning> All => _warnings;
    public void Add(SourcePosition? position, WarningCode code, string message) => _warnings.Add(new Warning(position, code, message));
}
