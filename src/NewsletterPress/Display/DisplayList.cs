using System.Collections.Immutable;
using NewsletterPress.Shared;

namespace NewsletterPress.Display;

// The display list is the contract between layout and the renderers (PDF writer, raster
// proofs). Everything is in PostScript points with the origin at the top-left corner of
// the page and y growing downwards; renderers convert to their own coordinate systems.
// Nothing in here knows about PDF or pixels.

/// <summary>One glyph of a run, placed relative to the run's origin.</summary>
/// <param name="GlyphId">Glyph id in the original (not subset) font, as HarfBuzz shaped it.</param>
/// <param name="X">Horizontal offset of the glyph origin from the run origin, in points.</param>
/// <param name="Y">Vertical offset (positive = down) from the run's baseline, in points.</param>
/// <param name="Advance">The advance the layout used for this glyph, in points.</param>
/// <param name="Text">The source text this glyph stands for: the whole cluster on its first
/// glyph, empty on the cluster's other glyphs. Used for ToUnicode and ActualText.</param>
public readonly record struct PlacedGlyph(uint GlyphId, double X, double Y, double Advance, string Text);

/// <summary>
/// A drawn thing. <see cref="Element"/> is the id of the structure element (see
/// <see cref="StructureElement"/>) whose content it is, or null for an artifact (running
/// footers, rules, leaders) that screen readers and reflow skip.
/// </summary>
public abstract record DisplayItem
{
    public int? Element { get; init; }
}

/// <summary>Glyphs of one font at one size on one baseline.</summary>
public sealed record GlyphRun(FontRef Font, double Size, double X, double Y, Ink Ink,
    ImmutableArray<PlacedGlyph> Glyphs) : DisplayItem
{
    public string Text => string.Concat(Glyphs.Select(g => g.Text));
}

/// <summary>The edges of the page that a background or a rule runs off. The layout marks them; a print file moves
/// the item's end on each marked edge out to the bleed's edge, so that a cut a little off the trim leaves no white
/// sliver. A stroked frame is never marked: its outline would be cut off.</summary>
[Flags]
public enum TrimEdges { None = 0, Left = 1, Top = 2, Right = 4, Bottom = 8 }

/// <summary>A straight line from (X1,Y1) to (X2,Y2). Dash lengths in points, empty for solid.</summary>
public sealed record Rule(double X1, double Y1, double X2, double Y2, double Width, Ink Ink,
    ImmutableArray<double> Dash = default) : DisplayItem
{
    /// <summary>The page edges the rule runs off (a horizontal rule: left, right; a vertical one: top, bottom).</summary>
    public TrimEdges Bleeds { get; init; }
}

/// <summary>A rectangle (X,Y top-left), optionally stroked and/or filled, optionally rounded.</summary>
public sealed record Box(double X, double Y, double Width, double Height, Ink? Stroke, double StrokeWidth,
    Ink? Fill, double CornerRadius = 0) : DisplayItem
{
    /// <summary>The page edges the filled box runs off.</summary>
    public TrimEdges Bleeds { get; init; }
}

/// <summary>A clickable area: either an external URI (http:, mailto:) or a named destination in this document.</summary>
public sealed record LinkArea(double X, double Y, double Width, double Height, string? Uri, string? Destination)
    : DisplayItem;

/// <summary>
/// A raster image from the issue folder (PNG, JPEG, …) placed in the box X,Y (top-left),
/// Width × Height points. The renderer decodes and, for print, downsamples it.
/// </summary>
public sealed record ImageItem(string Path, double X, double Y, double Width, double Height) : DisplayItem;

/// <summary>A named destination (the target of internal links and outline entries), at (X,Y).</summary>
public sealed record Anchor(string Name, double X, double Y) : DisplayItem;

public sealed record Page(double Width, double Height, ImmutableArray<DisplayItem> Items, string Label);

/// <summary>The structure roles of tagged PDF (ISO 32000-1 §14.8.4) that the layout produces.</summary>
public enum StructureRole { Document, Art, Sect, H1, H2, H3, P, L, LI, Lbl, LBody, Figure, Caption, Table, TR, TH, TD, Note, Link, Reference, TOC, TOCI }

/// <summary>
/// One node of the document's logical structure. Elements are listed in reading order
/// (parents before children); items point at their element through <see cref="DisplayItem.Element"/>.
/// </summary>
/// <param name="Alt">Alternative text (figures) — what a screen reader says instead of the picture.</param>
/// <param name="Lang">The element's language when it differs from the document's.</param>
public sealed record StructureElement(int Id, int? Parent, StructureRole Role, string? Alt = null, string? Lang = null);

public sealed record OutlineEntry(string Title, string Destination, ImmutableArray<OutlineEntry> Children);

/// <summary>Document-level metadata. <see cref="Date"/> drives every date written into the file.</summary>
public sealed record DocumentInfo(string Title, string Publisher, string Language, DateTimeOffset Date)
{
    /// <summary>The volume and its articles for the XMP, when the document is a volume.</summary>
    public VolumeRecord? Volume { get; init; }
}

/// <summary>A file that travels inside the PDF (PDF/A-3 associated files: the issue's own sources).</summary>
/// <param name="Name">The file's path relative to the issue folder, with '/' separators.</param>
public sealed record AttachedFile(string Name, string Path, string MimeType)
{
    /// <summary>The bytes of a file made by the build itself (build.json), which has no <see cref="Path"/>.</summary>
    public byte[]? Contents { get; init; }
}

public sealed record DisplayDocument(DocumentInfo Info, ImmutableArray<Page> Pages, ImmutableArray<OutlineEntry> Outline)
{
    /// <summary>The logical structure in reading order; empty when the layout did not tag.</summary>
    public ImmutableArray<StructureElement> Structure { get; init; } = [];

    /// <summary>Source files to embed (archive profile); empty otherwise.</summary>
    public ImmutableArray<AttachedFile> Attachments { get; init; } = [];
}
