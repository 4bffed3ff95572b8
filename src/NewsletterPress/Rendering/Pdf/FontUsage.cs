using NewsletterPress.Display;
using NewsletterPress.Shared;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// What the document uses of one font: the glyph ids to keep in the subset, and for each
/// glyph the text its ToUnicode entry will carry. The text always comes from the source
/// (never from reversing the font's cmap), so 民 stays U+6C11 even when the font maps the
/// radical ⺠ to the same glyph.
/// </summary>
internal sealed class FontUsage
{
    // Indexed by glyph id (at most 65,536 of them), grown as glyphs come: every glyph of every run is added and
    // looked up, and a hash set and a dictionary cost a hash each time (a sorted set's tree cost a few hundred
    // instructions a glyph, profiled at 2 % of the twenty-article issue's build).
    private bool[] _used = [];
    private uint[]? _sortedGlyphs;
    /// <summary>Per glyph id, the text of the first one-glyph cluster that showed it.</summary>
    private string?[] _singleGlyphText = [];
    private readonly Dictionary<uint, string> _clusterHeadText = [];
    private readonly Dictionary<uint, string> _clusterMemberText = [];

    public FontUsage(FontRef font, string resourceName)
    {
        Font = font;
        ResourceName = resourceName;
    }

    public FontRef Font { get; }

    /// <summary>The key in the page's /Font resource dictionary, e.g. "F1".</summary>
    public string ResourceName { get; }

    /// <summary>The glyph ids used, in ascending order.</summary>
    public IReadOnlyList<uint> Glyphs => _sortedGlyphs ??= UsedGlyphs();

    private uint[] UsedGlyphs()
    {
        var glyphs = new List<uint>();
        for (var gid = 0; gid < _used.Length; gid++)
            if (_used[gid]) glyphs.Add((uint)gid);
        return [.. glyphs];
    }

    /// <summary>Makes <paramref name="array"/> long enough to index <paramref name="glyphId"/>.</summary>
    private static void Reach<T>(ref T[] array, uint glyphId)
    {
        if (glyphId < array.Length) return;
        if (glyphId > 0xFFFF)
            throw new PdfWriterException($"Glyph id {glyphId} is beyond the 65,536 glyphs a font can have.");
        Array.Resize(ref array, (int)Math.Min(0x10000, Math.Max(glyphId + 1, 2 * (uint)array.Length)));
    }

    public void Add(GlyphRun run)
    {
        _sortedGlyphs = null;
        foreach (var glyph in run.Glyphs)
        {
            Reach(ref _used, glyph.GlyphId);
            _used[glyph.GlyphId] = true;
        }
        // First mapping seen wins. A one-glyph cluster says exactly what its glyph means;
        // the head of a longer cluster only serves as a fallback (its text is shown through
        // ActualText anyway).
        foreach (var cluster in GlyphCluster.Split(run.Glyphs))
        {
            if (cluster.Text.Length == 0)
                continue;
            var gid = run.Glyphs[cluster.Start].GlyphId;
            if (cluster.Text == SoftHyphen)
            {
                // A discretionary hyphen at a line end: its text is the soft hyphen (shown through
                // ActualText, so poppler extracts the word whole), but it must not claim the glyph's
                // ToUnicode entry, which readers that ignore ActualText (mupdf) use for real hyphens.
                _discretionaryHyphens.Add(gid);
                continue;
            }
            if (cluster.Count == 1)
            {
                // A second, different text for the same glyph (民 U+6C11 and the radical ⺠ U+2EA0
                // share one glyph in IPAex Mincho) may get a code of its own; see AssignAliasCodes.
                Reach(ref _singleGlyphText, gid);
                ref var first = ref _singleGlyphText[gid];
                if (first is null) first = cluster.Text;
                else if (first != cluster.Text && _aliasIndex.TryAdd((gid, cluster.Text), _aliases.Count))
                    _aliases.Add(new Alias(gid, cluster.Text));
                continue;
            }
            _clusterHeadText.TryAdd(gid, cluster.Text);
            for (var i = cluster.Start + 1; i < cluster.Start + cluster.Count; i++)
                _clusterMemberText.TryAdd(run.Glyphs[i].GlyphId, cluster.Text);
        }
    }

    /// <summary>
    /// A glyph shown as a one-glyph cluster with other text than the glyph's first one, in order
    /// of first use in the document; <see cref="Code"/> is its own CID once assigned.
    /// </summary>
    public sealed class Alias(uint glyphId, string text)
    {
        public uint GlyphId { get; } = glyphId;
        public string Text { get; } = text;
        public uint? Code { get; set; }
    }

    private readonly List<Alias> _aliases = [];
    private readonly Dictionary<(uint GlyphId, string Text), int> _aliasIndex = [];

    /// <summary>Aliases that have a code of their own (none unless <see cref="AssignAliasCodes"/> ran).</summary>
    public IEnumerable<Alias> CodedAliases => _aliases.Where(a => a.Code is not null);

    /// <summary>
    /// Gives each alias its own CID, counting up from <paramref name="firstCode"/> (the font's
    /// glyph count, so no alias CID is also a glyph id) in order of first use, as far as 2-byte
    /// codes reach; an alias left without a code keeps being shown through /ActualText.
    /// Only for CIDFontType2, whose /CIDToGIDMap can send several CIDs to one glyph.
    /// </summary>
    public void AssignAliasCodes(uint firstCode)
    {
        var code = firstCode;
        foreach (var alias in _aliases)
        {
            if (code > 0xFFFF)
                break;
            alias.Code = code++;
        }
    }

    /// <summary>The alias CID that shows this glyph with this text, or null when it has none.</summary>
    public uint? AliasCode(uint glyphId, string text) =>
        _aliases.Count > 0 && _aliasIndex.TryGetValue((glyphId, text), out var index) ? _aliases[index].Code : null;

    /// <summary>The text the ToUnicode CMap gives for a glyph, or null when it has none.</summary>
    public string? UnicodeOf(uint glyphId) =>
        glyphId < _singleGlyphText.Length && _singleGlyphText[glyphId] is { } text ? text
        : _clusterHeadText.TryGetValue(glyphId, out text) ? text
        : _discretionaryHyphens.Contains(glyphId) ? "-"
        : null;

    /// <summary>The text the layout gives a hyphen it added at a line break (U+00AD SOFT HYPHEN).</summary>
    public const string SoftHyphen = "\u00AD";

    private readonly HashSet<uint> _discretionaryHyphens = [];

    /// <summary>
    /// All ToUnicode entries in glyph-id order. With <paramref name="everyGlyph"/>, a glyph that
    /// only ever appears inside a longer cluster (a combining mark, the second half of a
    /// conjunct) maps to that cluster's text too, so that every code has a Unicode value as
    /// PDF/A level U asks (ISO 19005-3 §6.2.11.7.2); extraction is unaffected, because such
    /// clusters are shown through /ActualText.
    /// </summary>
    public IEnumerable<(uint GlyphId, string Text)> UnicodeMappings(bool everyGlyph = false)
    {
        foreach (var gid in Glyphs)
        {
            if (UnicodeOf(gid) is { } text)
                yield return (gid, text);
            else if (everyGlyph && _clusterMemberText.TryGetValue(gid, out var member))
                yield return (gid, member);
        }
    }
}
