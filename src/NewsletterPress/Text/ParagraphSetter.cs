using System.Collections.Immutable;
using System.Text;

namespace NewsletterPress.Text;

/// <summary>How to set one paragraph.</summary>
/// <param name="Width">The measure, in points.</param>
/// <param name="FirstLineIndent">Indent of the first line (one em for Japanese paragraphs).</param>
/// <param name="Justify">Justify all lines but the last (and those before a forced break).</param>
/// <param name="Lang">The paragraph's language: decides break rules and the Japanese context.</param>
/// <param name="Em">The body em, for the Japanese–Latin space.</param>
/// <param name="Hyphenate">Hyphenate English words of justified paragraphs (Liang's patterns, en-US). The drawn
/// hyphen has no text, so poppler extracts the word whole; mupdf ignores ActualText and shows the hyphen.</param>
/// <param name="HyphenationExceptions">The exceptions: word → "hy-phen-ation" (no hyphen: never break it).</param>
/// <param name="HangingPunctuation">Let 、。 hang past the measure at a line end (ぶら下げ, JLREQ 3.8.2); off by
/// default, as JLREQ advises for text that mixes Japanese and Latin.</param>
/// <param name="Looseness">TeX's \looseness: 0 sets the paragraph in its best number of lines; −1 asks for one line
/// fewer (+1 for one more, −2 for two fewer, …) if that can be done within the tolerance the paragraph's best setting
/// needed (spaces within 150 % and no letter spacing, if the best setting has none) — never with an overfull line or an
/// emergency break. When it cannot, the paragraph is set as with 0, so the caller learns
/// whether it worked from the line count. With forced line breaks, the last piece of the paragraph that can change
/// does.</param>
/// <param name="Display">A display line (a title, kicker, heading, contents entry or donation line): Japanese breaks only
/// between phrases (文節, by the BudouX model), and lines are balanced (CSS <c>text-wrap: balance</c>): as many as the
/// measure needs, as even as they can be, ragged (each line's NaturalWidth is its width; Width stays the measure).
/// No hyphenation, no justification, no looseness. A phrase wider than the measure is broken as body text is.</param>
public sealed record ParagraphFormat(double Width, double FirstLineIndent, bool Justify, string Lang, double Em,
    bool Hyphenate = true, IReadOnlyDictionary<string, string>? HyphenationExceptions = null, bool HangingPunctuation = false,
    int Looseness = 0, bool Display = false);

/// <summary>
/// Stage 3's entry point: itemizes, shapes, finds break opportunities and breaks a
/// paragraph into justified lines with the Knuth–Plass total-fit algorithm.
/// </summary>
public sealed class ParagraphSetter(FontLibrary fonts)
{
    /// <summary>How far word spaces may stretch in a loose line, as a ratio of their stretch: 2 is 200 % of natural, half
    /// an em in a Times-width face. Only a paragraph that cannot be set within 150 % (ratio 1, the limit of typography.md)
    /// has loose lines, as TeX's second pass (\tolerance) allows; past this, English letter-spaces.</summary>
    private const double LooseSpaces = 2;

    /// <summary>Tried in turn until one finds breaks (TeX's \pretolerance / \tolerance / emergency passes): first spaces
    /// within their limits (150 %) and JLREQ's inter-character last resort within its stretch; then looser lines, still
    /// without Latin letter spacing; then letter spacing; then anything that fits, cutting unbreakable pieces; and last
    /// (so that setting never fails) allowing a third hyphen in a row.</summary>
    internal static readonly BreakerPass[] Passes =
    [
        new(new StretchLimits(Spaces: 1, InterCharacter: 1, Letters: 0), Emergency: false),
        new(new StretchLimits(Spaces: LooseSpaces, InterCharacter: 2, Letters: 0), Emergency: false),
        new(new StretchLimits(Spaces: LooseSpaces, InterCharacter: 2, Letters: 2), Emergency: false),
        new(new StretchLimits(Spaces: LooseSpaces, double.PositiveInfinity, double.PositiveInfinity), Emergency: true),
        new(new StretchLimits(Spaces: LooseSpaces, double.PositiveInfinity, double.PositiveInfinity), Emergency: true, StrictHyphens: false),
    ];

    /// <summary>Buffers kept from one paragraph to the next on each thread, so that setting a paragraph allocates
    /// little and nothing on the large-object heap.</summary>
    [ThreadStatic] private static Workspace? t_workspace;

    private sealed class Workspace
    {
        public List<Item> Items { get; } = new(4096);
        /// <summary>The items of a paragraph being set a line shorter (Latin letter spacing may tighten).</summary>
        public List<Item> TightItems { get; } = new(4096);
        /// <summary>Where <see cref="Items"/> has Latin letter spacing, and how far it may tighten.</summary>
        public List<(int Item, double Shrink)> Tightening { get; } = [];
        /// <summary>The running sums of <see cref="Items"/> and of <see cref="TightItems"/>, both in use while a paragraph
        /// set a line shorter is compared with its natural setting (the second shares all but its shrink with the first).</summary>
        public BreakerItems Sums { get; } = new();
        public BreakerItems TightSums { get; } = new();
        public KnuthPlass Breaker { get; } = new();
    }

    /// <summary>Where this setter keeps every setting it makes, for a caller on another thread to take
    /// (<see cref="RecordingInto"/>); null for most setters.</summary>
    private SettingsAhead? _recording;

    /// <summary>Where this setter takes settings made ahead from, while <see cref="TakingFrom"/> lasts.</summary>
    private SettingsAhead? _taking;

    /// <summary>A setter of the same fonts that keeps every paragraph it sets in <paramref name="ahead"/>.</summary>
    internal ParagraphSetter RecordingInto(SettingsAhead ahead) => new(fonts) { _recording = ahead };

    /// <summary>Until disposed, calls are answered from <paramref name="ahead"/> where it has a setting for them.</summary>
    internal IDisposable TakingFrom(SettingsAhead ahead)
    {
        _taking = ahead;
        return new Taking(this);
    }

    private sealed class Taking(ParagraphSetter setter) : IDisposable
    {
        public void Dispose() => setter._taking = null;
    }

    /// <summary>The setting made ahead for <paramref name="call"/>, else the one <paramref name="set"/> makes (kept when recording).</summary>
    private T MadeAhead<T>(SettingCall call, Func<T> set) where T : notnull
    {
        if (_taking is { } ahead && ahead.TryTake<T>(call, out var taken)) return taken;
        var made = set();
        _recording?.Add(call, made);
        return made;
    }

    public ImmutableArray<TextLine> Set(IReadOnlyList<TextRun> runs, ParagraphFormat format) =>
        MadeAhead(new SettingCall(runs, format, null), () => SetNow(runs, format));

    private ImmutableArray<TextLine> SetNow(IReadOnlyList<TextRun> runs, ParagraphFormat format)
    {
        var (text, runOf, softHyphen) = Concatenate(runs);
        return Set(runs, format, text, runOf, softHyphen);
    }

    /// <summary>The paragraph set with its <see cref="ParagraphFormat.Looseness"/> (not 0), or null when it cannot be set
    /// so, which <see cref="Set(IReadOnlyList{TextRun}, ParagraphFormat)"/> would answer with the paragraph's natural
    /// lines (a paragraph of several pieces, or a display line, may still come back with its natural lines). Those lines are not set here: the planner asks for many settings that fail (four in five on the
    /// twenty-article issue), and justifying lines that are then thrown away was about a fifth of what they cost.</summary>
    internal ImmutableArray<TextLine>? SetLoosened(IReadOnlyList<TextRun> runs, ParagraphFormat format)
    {
        var (text, runOf, softHyphen) = Concatenate(runs);
        if (format.Display || format.Looseness == 0 || text.Contains('\n', StringComparison.Ordinal) || text.Length == 0)
            // Several pieces (a looseness goes to the last piece that can take it), or nothing to loosen: set as Set does,
            // and the caller compares the line count.
            return Set(runs, format, text, runOf, softHyphen);
        var (lines, changed) = SetPiece(text, runOf, softHyphen, runs, format, firstPiece: true, format.Looseness, setUnchanged: false);
        return changed ? [.. lines] : null;
    }

    /// <summary>The paragraph set as <see cref="Set(IReadOnlyList{TextRun}, ParagraphFormat)"/> sets it, and, for each
    /// looseness <paramref name="wanted"/> asks about (given the natural line count), the lines
    /// <see cref="SetLoosened"/> would answer, without their glyphs (their widths and ratios, to check against the bar),
    /// found from the shaping and items already made: the planner asks for
    /// settings a line shorter or longer that mostly cannot be met (four in five on the twenty-article issue), and
    /// shaping and itemizing the paragraph again only to learn that was a fifth of a build. A paragraph of several
    /// pieces, or a display line, gets no answers.</summary>
    internal (ImmutableArray<TextLine> Lines, ImmutableArray<TextLine>? Shorter, ImmutableArray<TextLine>? Longer) SetWithLoosened(
        IReadOnlyList<TextRun> runs, ParagraphFormat format, Func<int, int, bool> wanted) =>
        MadeAhead(new SettingCall(runs, format, wanted), () => SetWithLoosenedNow(runs, format, wanted));

    private (ImmutableArray<TextLine> Lines, ImmutableArray<TextLine>? Shorter, ImmutableArray<TextLine>? Longer) SetWithLoosenedNow(
        IReadOnlyList<TextRun> runs, ParagraphFormat format, Func<int, int, bool> wanted)
    {
        var (text, runOf, softHyphen) = Concatenate(runs);
        if (format.Display || format.Looseness != 0 || text.Contains('\n', StringComparison.Ordinal) || text.Length == 0)
            return (Set(runs, format, text, runOf, softHyphen), null, null);
        var piece = Prepare(text, runOf, softHyphen, runs, format, firstPiece: true);
        var set = BreakAndSet(piece, format.Width, 0, wanted: wanted);
        return ([.. set.Lines], Loosened(set.Shorter), Loosened(set.Longer));

        static ImmutableArray<TextLine>? Loosened(List<TextLine>? lines) => lines is null ? null : [.. lines];
    }

    private ImmutableArray<TextLine> Set(IReadOnlyList<TextRun> runs, ParagraphFormat format, string text, int[] runOf, bool[] softHyphen)
    {
        // A forced line break ends a piece; each piece is broken on its own and its last line is not justified.
        var pieces = new List<(int Start, int End)>();
        for (int i = 0, start = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            pieces.Add((start, i));
            start = i + 1;
        }
        // From the last piece back, so that a looseness goes to the last piece that can take it.
        var set = new List<TextLine>[pieces.Count];
        int looseness = format.Looseness;
        for (int p = pieces.Count - 1; p >= 0; p--)
        {
            var (start, end) = pieces[p];
            bool changed;
            // A paragraph of one piece (most) is set from its own arrays, not copies of them.
            bool whole = pieces.Count == 1;
            (set[p], changed) = SetPiece(text[start..end], whole ? runOf : runOf[start..end], whole ? softHyphen : softHyphen[start..(end + 1)],
                runs, format, firstPiece: p == 0, looseness);
            if (changed) looseness = 0;
        }
        return [.. set.SelectMany(lines => lines)];
    }

    /// <summary>Joins the runs' text. Soft hyphens (U+00AD) are taken out and remembered: they mark where the
    /// editor allows a hyphen and are never printed unless the line breaks there.</summary>
    private static (string Text, int[] RunOf, bool[] SoftHyphen) Concatenate(IReadOnlyList<TextRun> runs)
    {
        // Sized once: the paragraph is concatenated whenever it is set, and again for each setting the planner asks for.
        int length = 0;
        for (int r = 0; r < runs.Count; r++) length += runs[r].Text.Length - runs[r].Text.AsSpan().Count('\u00AD');
        var sb = new StringBuilder(length);
        var runOf = new int[length];
        var soft = new bool[length + 1];
        bool pending = false;
        int at = 0;
        for (int r = 0; r < runs.Count; r++)
        {
            foreach (var ch in runs[r].Text)
            {
                if (ch == '\u00AD') { pending = true; continue; }
                sb.Append(ch);
                runOf[at] = r;
                soft[at++] = pending;
                pending = false;
            }
        }
        return (sb.ToString(), runOf, soft);
    }

    /// <summary>Sets one piece; <c>Changed</c> is whether the looseness changed its line count.</summary>
    /// <param name="setUnchanged">Whether to set the lines when the looseness cannot be met; if not, they are empty.</param>
    private (List<TextLine> Lines, bool Changed) SetPiece(string text, int[] runOf, bool[] softHyphen, IReadOnlyList<TextRun> runs,
        ParagraphFormat format, bool firstPiece, int looseness, bool setUnchanged = true)
    {
        if (text.Length == 0) return ([new TextLine([], format.Width, 0, false, false)], false);
        var piece = Prepare(text, runOf, softHyphen, runs, format, firstPiece);
        if (!format.Display)
        {
            var set = BreakAndSet(piece, format.Width, looseness, setUnchanged);
            return (set.Lines, set.Changed);
        }

        // A display line: at phrases (inside a phrase wider than the measure, wherever body text may break), balanced.
        var display = piece with
        {
            Breaks = piece.Breaks with
            {
                MayBreak = DisplayLines.AtPhrases(text, piece.Breaks.MayBreak, piece.Clusters, format.Width - piece.Indent),
            },
            Format = format with { Justify = false, Hyphenate = false },
        };
        return (DisplayLines.Balance(measure => BreakAndSet(display, measure, 0).Lines, format.Width), false);
    }

    /// <summary>Shapes a piece and finds where it may break.</summary>
    private Piece Prepare(string text, int[] runOf, bool[] softHyphen, IReadOnlyList<TextRun> runs, ParagraphFormat format, bool firstPiece)
    {
        var clusters = Shaper.Shape(text, runs, runOf, fonts, format.Lang);
        var mayBreak = BreakOpportunities.Find(text, format.Lang);
        var breaks = new PieceBreaks(mayBreak, softHyphen, Addresses.KeepBreaksAtSeparators(text, mayBreak));
        return new Piece(text, clusters, breaks, format, firstPiece ? format.FirstLineIndent : 0);
    }

    /// <summary>A piece of a paragraph, shaped, with its breaks, ready to be set.</summary>
    private sealed record Piece(string Text, List<Cluster> Clusters, PieceBreaks Breaks, ParagraphFormat Format, double Indent);

    /// <summary>A piece's lines; <c>Changed</c> is whether a looseness changed their count. <c>Shorter</c> and
    /// <c>Longer</c> are the piece set a line shorter and longer, when they were asked for and can be set.</summary>
    private sealed record PieceLines(List<TextLine> Lines, bool Changed, List<TextLine>? Shorter = null, List<TextLine>? Longer = null);

    /// <summary>Breaks a piece at <paramref name="measure"/> (the first line less the indent) and sets its lines; the
    /// lines' Width is the format's, whatever the measure.</summary>
    /// <param name="wanted">With a looseness of 0: which settings a line shorter (−1) or longer (+1) to find as well,
    /// given the natural line count; they come from the same items and the same pass as <paramref name="looseness"/>
    /// −1 or +1 would use, so they are the lines that would give.</param>
    private static PieceLines BreakAndSet(Piece piece, double measure, int looseness, bool setUnchanged = true,
        Func<int, int, bool>? wanted = null)
    {
        var (clusters, format, indent) = (piece.Clusters, piece.Format, piece.Indent);
        double LineWidth(int line) => line == 0 ? measure - indent : measure;
        var work = t_workspace ??= new Workspace();

        BreakerItems? items = null;
        for (int p = 0; p < Passes.Length; p++)
        {
            var pass = Passes[p];
            // The items only change for the emergency passes, which may cut unbreakable pieces.
            if (items is null || (pass.Emergency && !Passes[p - 1].Emergency))
                items = work.Sums.Measure(ParagraphItems.Build(clusters, piece.Breaks, format,
                    pass.Emergency ? measure - indent : double.PositiveInfinity, work.Items, work.Tightening));
            var breaks = work.Breaker.Break(items, LineWidth, ragged: !format.Justify, pass);
            if (breaks is null) continue;
            var natural = breaks;
            BreakerItems TightItems() => work.TightSums.Tightened(ParagraphItems.Tightened(work.Items, work.Tightening, work.TightItems), items);
            // A setting a line shorter may also take a hundredth of an em from Latin letter spacing; one longer never
            // needs to. Neither is tried after an emergency pass.
            // Asked for with the natural setting (placeGlyphs false), only how its lines are set, to learn whether it
            // keeps to the bar; most are never used.
            List<TextLine>? Loosened(int by, bool placeGlyphs = true)
            {
                var from = by < 0 ? TightItems() : items;
                var found = Loosen(from, LineWidth, format, pass, by, natural.Count);
                return found is null ? null : SetLines(from, clusters, found, indent, LineWidth, format, placeGlyphs);
            }
            List<TextLine> Natural() => SetLines(items, clusters, natural, indent, LineWidth, format);

            if (looseness == 0)
            {
                bool Wanted(int by) => !pass.Emergency && wanted?.Invoke(natural.Count, by) == true;
                var longer = Wanted(+1) ? Loosened(+1, placeGlyphs: false) : null;
                var shorter = Wanted(-1) ? Loosened(-1, placeGlyphs: false) : null;
                return new PieceLines(Natural(), false, shorter, longer);
            }
            var loose = pass.Emergency ? null : Loosened(looseness);
            if (loose is not null) return new PieceLines(loose, true);
            return new PieceLines(setUnchanged ? Natural() : [], false);
        }
        throw new InvalidOperationException($"no line breaks found for \"{piece.Text}\"");
    }

    /// <summary>Justifies the lines the breaker chose (all but the last).</summary>
    private static List<TextLine> SetLines(BreakerItems items, List<Cluster> clusters, List<LineBreak> breaks, double indent,
        Func<int, double> lineWidth, ParagraphFormat format, bool placeGlyphs = true)
    {
        var lines = new List<TextLine>(breaks.Count);
        foreach (var line in breaks)
        {
            int n = lines.Count;
            lines.Add(Justifier.Set(items.Items, clusters, line, n == 0 ? indent : 0, lineWidth(n), format.Width,
                justify: format.Justify && n < breaks.Count - 1, placeGlyphs));
        }
        return lines;
    }

    /// <summary>The breaks of <paramref name="natural"/> + <paramref name="looseness"/> lines, or as near to that as
    /// <paramref name="pass"/>, the pass that set the paragraph in its natural number of lines, allows; null when it has
    /// no line count other than the natural one. Not a pass with looser spaces or letter spacing (TeX §873 would try
    /// one): a paragraph whose best setting keeps its spaces within 150 % and its letters unspaced keeps them so when set
    /// a line shorter or longer. Only JLREQ's inter-character spacing of a Japanese paragraph may go as far as the
    /// second pass lets it (a quarter em), as spreading characters is how Japanese lines are justified.</summary>
    private static List<LineBreak>? Loosen(BreakerItems items, Func<int, double> lineWidth, ParagraphFormat format, BreakerPass pass,
        int looseness, int natural)
    {
        var breaker = t_workspace!.Breaker;
        var breaks = Within(breaker.Break(items, lineWidth, ragged: !format.Justify, pass, looseness, natural));
        bool japanese = items.LastResort[items.Count] > 0;
        var spread = pass with { Limits = pass.Limits with { InterCharacter = Passes[1].Limits.InterCharacter } };
        if (breaks is null && japanese && spread.Limits != pass.Limits)
            breaks = Within(breaker.Break(items, lineWidth, ragged: !format.Justify, spread, looseness, natural));
        return breaks;

        List<LineBreak>? Within(List<LineBreak>? set)
        {
            if (set is null) return null;
            int diff = set.Count - natural;
            return (looseness < 0 ? diff >= looseness && diff < 0 : diff <= looseness && diff > 0) ? set : null;
        }
    }
}
