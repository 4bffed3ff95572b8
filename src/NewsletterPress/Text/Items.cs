namespace NewsletterPress.Text;

/// <summary>
/// What a piece of glue is for. The order of the shrinking kinds is the adjustment order of
/// typography.md (JLREQ 3.8, "reduction of inter-character spacing"): Latin word spaces give
/// first, then the space around middle dots, then the space after closing brackets and commas
/// and before opening brackets, then the Japanese–Latin space. The half em after a full stop
/// inside a line never shrinks (<see cref="FullStop"/> has no shrink).
/// </summary>
internal enum GlueKind : byte
{
    WordSpace,
    MiddleDot,
    BracketOrComma,
    JapaneseLatin,
    FullStop,
    /// <summary>Zero-width glue between two characters of a Japanese paragraph that only stretches, as JLREQ's
    /// last resort (3.8.3: spread evenly between characters); much less preferred than any other.</summary>
    InterCharacter,
    /// <summary>Zero-width glue between two Latin letters of an English paragraph: letter spacing, the emergency
    /// measure for a line whose word spaces cannot take its excess even when loose (never in a line whose spaces could).
    /// It shrinks only in a paragraph set a line shorter (a hundredth of an em).</summary>
    LetterSpacing,
    /// <summary>The paragraph's last line: infinitely stretchable (TeX's \parfillskip).</summary>
    Fill,
}

/// <summary>What a line that ends at a penalty draws there.</summary>
internal enum PenaltyRole : byte
{
    /// <summary>Nothing: a plain break opportunity (between two kanji, after an explicit hyphen).</summary>
    Plain,
    /// <summary>A discretionary hyphen: the hyphen glyph is drawn at the line end.</summary>
    Hyphen,
    /// <summary>A line-end 、。 or closing bracket that keeps its half-em blank (JLREQ 3.1.3: half em or nothing).</summary>
    Blank,
    /// <summary>A line-end 、。 hung past the measure (ぶら下げ, JLREQ 3.8.2): the penalty's negative width takes
    /// the mark's ink out of the line's width.</summary>
    Hang,
    /// <summary>The emergency cut of an unbreakable piece wider than the measure; the line is marked overfull.</summary>
    Cut,
    /// <summary>The end of the piece (forced break, penalty −∞).</summary>
    End,
}

internal enum ItemKind : byte { Box, Glue, Penalty }

/// <summary>
/// One element of Knuth and Plass's paragraph model ("Breaking Paragraphs into Lines", 1981, §2):
/// a box (a cluster, fixed width), glue (space with stretch and shrink; a break at glue drops it)
/// or a penalty (a possible break with a cost; its width only counts when the line breaks there).
/// </summary>
/// <param name="Cluster">The cluster a box draws, or the cluster before a penalty (for the hyphen's font).</param>
/// <param name="DrawOffset">Where a box's glyphs are drawn relative to the box: a full-width bracket whose
/// blank half became glue is a half-em box drawn half an em to the left.</param>
/// <param name="Breakable">Glue only: whether a line may break here (UAX #14 and JLREQ allow it).</param>
internal readonly record struct Item(
    ItemKind Kind,
    double Width,
    double Stretch = 0,
    double Shrink = 0,
    GlueKind Glue = GlueKind.WordSpace,
    double Penalty = 0,
    bool Flagged = false,
    PenaltyRole Role = PenaltyRole.Plain,
    bool Breakable = false,
    int Cluster = -1,
    double DrawOffset = 0)
{
    /// <summary>A penalty of at least this is a prohibited break; at most its negative, a forced one.</summary>
    public const double Infinity = 10000;

    public static Item Box(int cluster, double width, double drawOffset = 0) =>
        new(ItemKind.Box, width, Cluster: cluster, DrawOffset: drawOffset);

    public static Item MakeGlue(GlueKind kind, double width, double stretch, double shrink, bool breakable) =>
        new(ItemKind.Glue, width, stretch, shrink, kind, Breakable: breakable);

    public static Item MakePenalty(double penalty, double width = 0, bool flagged = false, PenaltyRole role = PenaltyRole.Plain,
        int cluster = -1) =>
        new(ItemKind.Penalty, width, Penalty: penalty, Flagged: flagged, Role: role, Cluster: cluster);

    public bool IsLegalBreak => Kind switch
    {
        ItemKind.Glue => Breakable,
        ItemKind.Penalty => Penalty < Infinity,
        _ => false,
    };

    public bool IsForcedBreak => Kind == ItemKind.Penalty && Penalty <= -Infinity;

    /// <summary>Stretch of glue that is used before the last resort (word spaces, Japanese–Latin space).</summary>
    public double FirstStretch =>
        Kind == ItemKind.Glue && Glue is not (GlueKind.InterCharacter or GlueKind.LetterSpacing or GlueKind.Fill) ? Stretch : 0;

    /// <summary>Stretch of JLREQ's inter-character last resort (Japanese paragraphs).</summary>
    public double LastResortStretch => Kind == ItemKind.Glue && Glue == GlueKind.InterCharacter ? Stretch : 0;

    /// <summary>Stretch of Latin letter spacing (English paragraphs).</summary>
    public double LetterStretch => Kind == ItemKind.Glue && Glue == GlueKind.LetterSpacing ? Stretch : 0;
}
