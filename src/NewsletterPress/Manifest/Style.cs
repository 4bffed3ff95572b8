using NewsletterPress.Shared;

namespace NewsletterPress.Manifest;

/// <summary>The printing condition a print shop asked for: a CMYK ICC profile in the issue folder
/// and the name under which it is registered (e.g. JC200103, Japan Color 2001 Coated).</summary>
public sealed record PrintCondition(string IccPath, string Identifier, string? Condition);

/// <summary>The four faces of a style, each a font file path or an installed family name.</summary>
public sealed record FontChoice(string Mincho, string Gothic, string Serif, string Sans)
{
    /// <summary>Where the manifest names each face ("mincho", "gothic", "serif", "sans"), for errors about
    /// the font; a face left at its default has no place.</summary>
    public IReadOnlyDictionary<string, Diagnostics.SourcePosition> Where { get; init; } = new Dictionary<string, Diagnostics.SourcePosition>();
}

/// <summary>Where footnotes are printed: at the foot of the column their call lands in, or
/// gathered after the last line of their article.</summary>
public enum FootnotePlacement { ColumnFoot, ArticleEnd }

/// <summary>
/// The style of a volume: the defaults of look.md, overridden by the manifest's style block.
/// Margins left null follow from the centred text block. <see cref="LatinInJapanese"/> sets Latin
/// letters and digits of Japanese text in the Japanese face instead of the Latin one.
/// </summary>
public sealed record Style(
    Length PaperWidth,
    Length PaperHeight,
    int Columns,
    Length ColumnWidth,
    Length ColumnGap,
    Length MarginTop,
    Length MarginBottom,
    Length? MarginInside,
    Length? MarginOutside,
    double BodySize,
    double Leading,
    Ink Accent,
    FontChoice Fonts,
    PrintCondition? PrintCondition = null,
    bool LatinInJapanese = false,
    bool ProportionalHeadings = false,
    FootnotePlacement Footnotes = FootnotePlacement.ColumnFoot)
{
    /// <summary>Where the manifest writes each style key ("paper", "column-width", "margins", …, and "style" for the
    /// block itself), for errors about the page the keys make together; a key left at its default has no place.</summary>
    public IReadOnlyDictionary<string, Diagnostics.SourcePosition> Where { get; init; } = new Dictionary<string, Diagnostics.SourcePosition>();

    /// <summary>The place of the first of <paramref name="keys"/> the manifest writes, else of the style block.</summary>
    public Diagnostics.SourcePosition? At(params string[] keys) =>
        keys.Append("style").Select(k => Where.GetValueOrDefault(k)).FirstOrDefault(p => p is not null);

    public static readonly Style Default = new(
        PaperWidth: Length.Mm(210), PaperHeight: Length.Mm(297),
        Columns: 2, ColumnWidth: Length.Zw(25), ColumnGap: Length.Zw(2),
        MarginTop: Length.Mm(18), MarginBottom: Length.Mm(20),
        MarginInside: null, MarginOutside: null,
        BodySize: 9.5, Leading: 16.5,
        Accent: new Ink(1.00, 0.40, 0, 0.20, "#00598f"),
        Fonts: new FontChoice("ipaexm.ttf", "ipaexg.ttf", "Liberation Serif", "Noto Sans"));

    public static readonly IReadOnlyDictionary<string, (double W, double H)> PaperSizesMm =
        new Dictionary<string, (double, double)>
        {
            ["A4"] = (210, 297), ["A5"] = (148, 210), ["B5"] = (182, 257), ["Letter"] = (215.9, 279.4),
        };
}
