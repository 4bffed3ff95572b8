using System.Buffers;
using System.Text;
using NewsletterPress.Shared;
using NewsletterPress.Text.Hyphenation;

namespace NewsletterPress.Text;

/// <summary>
/// Turns a shaped piece of a paragraph into Knuth–Plass items. All of the script rules live
/// here, as data for the breaker:
/// <list type="bullet">
/// <item>clusters are boxes; a full-width Japanese punctuation glyph is a box of its ink plus glue
/// for its blank (<see cref="PunctuationBlank"/>), so that consecutive punctuation closes up and a
/// break drops the blank;</item>
/// <item>Latin word spaces are glue of 80–150 % (typography.md), the Japanese–Latin space a quarter
/// em shrinking to an eighth and stretching to a half (JLREQ 3.2.5);</item>
/// <item>break opportunities (UAX #14 and the JLREQ prohibitions, <see cref="BreakOpportunities"/>)
/// make glue breakable or become penalties of 0; everything else cannot break;</item>
/// <item>hyphenation points of English words are flagged penalties carrying the hyphen's width;</item>
/// <item>zero-width glue between Japanese characters, and between Latin letters, only stretches: the last
/// resort of justification (JLREQ 3.8.3), rated far below any space;</item>
/// <item>a break that would leave one character alone on a Japanese paragraph's last line costs extra, and
/// (on request) 、。 may hang past the measure.</item>
/// </list>
/// </summary>
internal static class ParagraphItems
{
    /// <summary>Latin word spaces may shrink to two thirds and stretch to 150 % of natural (typography.md): TeX's and
    /// Typst's defaults for OpenType fonts (a third of the space, half of it).</summary>
    private const double SpaceShrink = 1.0 / 3, SpaceStretch = 0.5;

    /// <summary>The Japanese–Latin space (JLREQ 3.2.5): a quarter em, shrinking to an eighth, stretching to a half.</summary>
    private const double JapaneseLatinSpace = 1.0 / 4, JapaneseLatinMinimum = 1.0 / 8, JapaneseLatinMaximum = 1.0 / 2;

    /// <summary>The inter-character stretch between two Japanese characters at which the last resort counts as fully used
    /// (more is possible in a looser pass), in em.</summary>
    private const double InterCharacterStretch = 0.125;

    /// <summary>Latin letter spacing at which the last resort counts as fully used, in em (a looser pass may use twice that).</summary>
    private const double LetterSpacing = 0.03;

    /// <summary>How much Latin letter spacing may tighten, in em, when a paragraph is set a line shorter to pull back
    /// a spill (<c>tightenLetters</c>): a hundredth of an em, too little to see, as a compositor tracks a paragraph
    /// in by a few thousandths rather than leave two lines alone on a page. Never used otherwise.</summary>
    private const double LetterTightening = 0.01;

    /// <summary>TeX's \hyphenpenalty and \exhyphenpenalty.</summary>
    public const double HyphenPenalty = 50;
    /// <summary>Hanging a 、。 past the measure: allowed on request, but not when the line fits without it.</summary>
    public const double HangingPenalty = 50;

    /// <summary>Breaking inside an unbreakable piece wider than the measure: allowed, but only when nothing else fits.</summary>
    public const double CutPenalty = 5000;
    /// <summary>A paragraph whose last line holds a single character (typography.md: avoid it).</summary>
    public const double ShortLastLinePenalty = 3000;

    /// <param name="breaks">Where the piece may break, where the editor put soft hyphens, and its addresses.</param>
    /// <param name="cutWiderThan">Allow emergency cuts inside unbreakable pieces wider than this.</param>
    /// <param name="items">Where the items go (cleared first): a list kept from one paragraph to the next, as a
    /// paragraph's items easily outgrow the 85 KB from which .NET allocates on the large-object heap.</param>
    /// <param name="tightening">Where the glue of Latin letter spacing is, with the little it may shrink
    /// (<see cref="LetterTightening"/>) when the paragraph is set a line shorter (<see cref="Tightened"/>); cleared first.</param>
    public static List<Item> Build(List<Cluster> clusters, PieceBreaks breaks, ParagraphFormat format,
        double cutWiderThan, List<Item> items, List<(int Item, double Shrink)>? tightening = null)
    {
        items.Clear();
        tightening?.Clear();
        int first = 0, last = clusters.Count - 1;
        while (first <= last && clusters[first].IsSpace) first++; // no line starts with a space
        while (last >= first && clusters[last].IsSpace) last--;
        if (first <= last)
        {
            // Rented: for a long paragraph the array is big enough for the large-object heap, and a new one each time
            // made setting grow faster than the paragraph (full collections). If building throws, the pool just lacks it.
            var blanks = ArrayPool<PunctuationBlank>.Shared.Rent(clusters.Count);
            for (int i = first; i <= last; i++) blanks[i] = PunctuationBlank.Of(clusters[i]);
            new Builder(clusters, breaks, format, blanks, items, tightening, first, last, cutWiderThan).AddAll();
            ArrayPool<PunctuationBlank>.Shared.Return(blanks);
        }
        // The last line: \parfillskip, then the forced break (Knuth–Plass §2).
        items.Add(Item.MakeGlue(GlueKind.Fill, 0, 0, 0, breakable: false));
        items.Add(Item.MakePenalty(-Item.Infinity, role: PenaltyRole.End));
        return items;
    }

    /// <summary>The items with Latin letter spacing that may shrink a little, for a paragraph set a line shorter: made
    /// from the items <see cref="Build"/> made and the tightening it found, rather than built again.</summary>
    public static List<Item> Tightened(List<Item> items, List<(int Item, double Shrink)> tightening, List<Item> into)
    {
        into.Clear();
        into.AddRange(items);
        foreach (var (item, shrink) in tightening) into[item] = into[item] with { Shrink = shrink };
        return into;
    }

    /// <summary>The items of clusters [first, last] of one piece, cluster by cluster and boundary by boundary.</summary>
    private sealed class Builder
    {
        /// <summary>A list, not IReadOnlyList: read a few times per boundary, its indexer is inlined.</summary>
        private readonly List<Cluster> _clusters;
        private readonly bool[] _mayBreak;
        private readonly bool[]? _inAddress;
        private readonly ParagraphFormat _format;
        private readonly PunctuationBlank[] _blanks;
        private readonly List<Item> _items;
        private readonly List<(int Item, double Shrink)>? _tightening;
        private readonly bool _japaneseParagraph;
        private readonly int _first, _last;
        private readonly bool[] _hyphenBefore;
        /// <summary>Null when no piece is too wide (every pass but the emergency ones).</summary>
        private readonly bool[]? _cuttable;
        /// <summary>Breaks at or after this cluster leave a single character on a Japanese paragraph's last line.</summary>
        private readonly int _shortTail;

        public Builder(List<Cluster> clusters, PieceBreaks breaks, ParagraphFormat format, PunctuationBlank[] blanks,
            List<Item> items, List<(int Item, double Shrink)>? tightening, int first, int last, double cutWiderThan)
        {
            (_clusters, _mayBreak, _inAddress, _format, _blanks, _items, _tightening, _first, _last) =
                (clusters, breaks.MayBreak, breaks.InAddress, format, blanks, items, tightening, first, last);
            _japaneseParagraph = format.Lang.StartsWith("ja", StringComparison.Ordinal);
            _hyphenBefore = HyphenationPoints(clusters, breaks, format, first, last);
            _cuttable = Cuttable(clusters, breaks.MayBreak, first, last, cutWiderThan, format.Em);
            _shortTail = ShortTailStart(clusters, blanks, first, last);
        }

        public void AddAll()
        {
            // JLREQ 3.1.4: a middle dot at the head of a line keeps the quarter em before its ink (it is not an opening
            // bracket, whose blank a line start drops); without it, the dot's em box would cross the column edge.
            if (_blanks[_first] is { LeadingKind: GlueKind.MiddleDot, Leading: > 0 } start)
                _items.Add(Item.MakeGlue(GlueKind.MiddleDot, start.Leading, 0, 0, breakable: false));
            for (int i = _first; i <= _last; i++)
            {
                if (i > _first) AddBoundary(i - 1, i);
                AddCluster(i);
            }
            // A middle dot that ends the piece keeps its quarter em too (see AddPunctuationBlank).
            if (_blanks[_last] is { TrailingKind: GlueKind.MiddleDot, Trailing: > 0 } dot)
                _items.Add(Item.MakeGlue(GlueKind.MiddleDot, dot.Trailing, 0, 0, breakable: false));
        }

        private double Tail(int cluster) => cluster >= _shortTail ? ShortLastLinePenalty : 0;

        /// <summary>A space is a word space (glue, where a line may break if UAX #14 allows it); anything else a box of
        /// its ink, its punctuation blank taken out (that becomes glue at its boundaries).</summary>
        private void AddCluster(int i)
        {
            var c = _clusters[i];
            if (c.IsSpace)
            {
                bool breakable = c.Text == " " && i < _last && _mayBreak[_clusters[i + 1].Start];
                var space = Item.MakeGlue(GlueKind.WordSpace, c.Advance, c.Advance * SpaceStretch, c.Advance * SpaceShrink, breakable);
                _items.Add(space with { Penalty = Tail(i + 1), Cluster = i });
                return;
            }
            var blank = _blanks[i];
            _items.Add(Item.Box(i, c.Advance - blank.Leading - blank.Trailing, -blank.Leading));
        }

        private void AddBoundary(int a, int b)
        {
            var (ca, cb) = (_clusters[a], _clusters[b]);
            if (ca.IsSpace || cb.IsSpace) return; // the space itself is the glue and the break
            bool allowed = _mayBreak[cb.Start];
            if (!allowed) AddBreakInsideWord(a, b);
            bool offered = AddPunctuationBlank(a, b, allowed);
            offered = AddSpacing(a, b, allowed, offered);
            if (allowed && !offered)
            {
                // A break after an explicit hyphen or dash counts as a hyphenated line (TeX's \exhyphenpenalty).
                bool explicitHyphen = ca.LastCodepoint is '-' or '‐' && !_japaneseParagraph;
                _items.Add(Item.MakePenalty(Tail(b) + (explicitHyphen ? HyphenPenalty : 0), flagged: explicitHyphen, cluster: a));
            }
        }

        /// <summary>Inside a word: a hyphenation point or, for an unbreakable piece wider than the measure, an emergency
        /// cut. They come before the letter-spacing glue, which a break there then drops.</summary>
        private void AddBreakInsideWord(int a, int b)
        {
            if (_hyphenBefore[b])
            {
                var (_, hyphenWidth) = _clusters[a].Font.HyphenGlyph(_clusters[a].Size);
                _items.Add(Item.MakePenalty(HyphenPenalty + Tail(b), hyphenWidth, flagged: true, role: PenaltyRole.Hyphen, cluster: a));
            }
            else if (_cuttable?[b] == true)
                _items.Add(Item.MakePenalty(CutPenalty, role: PenaltyRole.Cut, cluster: a));
        }

        /// <summary>The blank between two punctuation marks or after one (JLREQ 3.1); returns whether it is where the
        /// line may break.</summary>
        private bool AddPunctuationBlank(int a, int b, bool allowed)
        {
            var (blankWidth, blankKind) = PunctuationBlank.Between(_blanks[a], _blanks[b]);
            if (blankWidth <= 0) return false;
            var ca = _clusters[a];
            double tail = Tail(b);
            if (allowed && _blanks[a].Trailing > 0)
            {
                // JLREQ 3.1.3: at a line end 、。 and closing brackets keep their half em or lose it, nothing between:
                // this penalty keeps it (its width is drawn only when the line ends here); the glue below, dropped
                // at a break, loses it.
                _items.Add(Item.MakePenalty(tail, blankWidth, role: PenaltyRole.Blank, cluster: a));
                if (_format.HangingPunctuation && ca.Text is "、" or "。" or "，" or "．")
                {
                    // ぶら下げ, only on request: the mark hangs outside the measure, so the line is measured without it.
                    // A small penalty keeps it for lines that need it.
                    double ink = ca.Advance - _blanks[a].Trailing;
                    _items.Add(Item.MakePenalty(tail + HangingPenalty, -ink, role: PenaltyRole.Hang, cluster: a));
                }
            }
            // JLREQ appendix B (its note on the spacing between middle dots and the line end) and 3.1.9: the preferred
            // space after a middle dot ・：； at the line end is its quarter em, so a line never ends by dropping it
            // (the dot's em box would cross the column edge); only the penalty above, which keeps it, is a break.
            bool keptAtLineEnd = blankKind == GlueKind.MiddleDot && _blanks[a].Trailing > 0;
            var glue = Item.MakeGlue(blankKind, blankWidth, 0, blankKind == GlueKind.FullStop ? 0 : blankWidth, allowed && !keptAtLineEnd);
            _items.Add(glue with { Penalty = tail });
            return allowed;
        }

        /// <summary>The Japanese–Latin space, or the zero-width glue of the last resort between two characters (JLREQ's
        /// inter-character spacing, Latin letter spacing); returns whether a break is now offered here.</summary>
        private bool AddSpacing(int a, int b, bool allowed, bool offered)
        {
            var (ca, cb) = (_clusters[a], _clusters[b]);
            double em = _format.Em, tail = Tail(b);
            if (Script.JapaneseLatinSpaceBetween(ca.LastCodepoint, cb.FirstCodepoint))
            {
                var space = Item.MakeGlue(GlueKind.JapaneseLatin, em * JapaneseLatinSpace, em * (JapaneseLatinMaximum - JapaneseLatinSpace),
                    em * (JapaneseLatinSpace - JapaneseLatinMinimum), allowed && !offered);
                _items.Add(space with { Penalty = tail });
                return offered | allowed;
            }
            if (_japaneseParagraph && Script.IsCjk(ca.LastCodepoint) && Script.IsCjk(cb.FirstCodepoint))
            {
                _items.Add(Item.MakeGlue(GlueKind.InterCharacter, 0, em * InterCharacterStretch, 0, allowed && !offered) with { Penalty = tail });
                return offered | allowed;
            }
            if (!allowed && Script.IsLatinLetterOrDigit(ca.LastCodepoint) && Script.IsLatinLetterOrDigit(cb.FirstCodepoint)
                && _inAddress?[cb.Start] != true)
            {
                // Latin letter spacing. In a Japanese paragraph it is part of JLREQ's last resort, which spreads every
                // character (3.8.3); in an English one it is the emergency measure for a line that even loose word
                // spaces cannot fill (what microtype's tracking and InDesign's letter spacing do). Never inside a URL or
                // an e-mail address: text extraction would read its letters as words.
                _tightening?.Add((_items.Count, ca.Size * LetterTightening));
                _items.Add(Item.MakeGlue(_japaneseParagraph ? GlueKind.InterCharacter : GlueKind.LetterSpacing, 0, ca.Size * LetterSpacing,
                    0, breakable: false));
            }
            return offered;
        }
    }

    /// <summary>
    /// Where English words may take a hyphen (before cluster i). Soft hyphens in the source are the
    /// editor's word: a word that has any is broken only there. Words in capitals (acronyms), URLs and
    /// e-mail addresses, and Japanese text are never hyphenated.
    /// </summary>
    private static bool[] HyphenationPoints(List<Cluster> clusters, PieceBreaks breaks, ParagraphFormat format, int first, int last)
    {
        var result = new bool[clusters.Count];
        var word = new StringBuilder();
        int i = first;
        while (i <= last)
        {
            if (!IsLatinLetters(clusters[i].Text)) { i++; continue; }
            int j = i;
            while (j + 1 <= last && IsLatinLetters(clusters[j + 1].Text)) j++;
            int wordStart = clusters[i].Start;
            word.Clear();
            for (int k = i; k <= j; k++) word.Append(clusters[k].Text);

            bool editorSaid = false;
            for (int k = i + 1; k <= j; k++)
                if (breaks.SoftHyphen[clusters[k].Start]) { result[k] = true; editorSaid = true; }
            bool address = breaks.InAddress is { } inAddress && inAddress[wordStart];

            var lang = clusters[i].Run.Lang ?? format.Lang;
            if (!editorSaid && !address && format.Hyphenate && format.Justify && lang.StartsWith("en", StringComparison.Ordinal) && !AllUpper(word))
            {
                // A point is an offset in the word; it counts where a cluster starts there (the clusters are in text order).
                int k = i + 1;
                foreach (var point in Hyphenator.Points(word.ToString(), format.HyphenationExceptions))
                {
                    while (k <= j && clusters[k].Start - wordStart < point) k++;
                    if (k <= j && clusters[k].Start - wordStart == point) result[k] = true;
                }
            }
            i = j + 1;
        }
        return result;
    }

    private static bool AllUpper(StringBuilder word)
    {
        for (int c = 0; c < word.Length; c++)
            if (!char.IsUpper(word[c])) return false;
        return true;
    }

    private static bool IsLatinLetters(string text)
    {
        foreach (var ch in text)
            if (!char.IsLetter(ch) || Script.IsCjk(ch)) return false;
        return text.Length > 0;
    }

    /// <summary>Cluster boundaries inside an unbreakable piece wider than <paramref name="limit"/>, where the emergency
    /// pass may cut (null when nothing may be cut: no limit). A piece runs from one break opportunity to the next: a space where a line may not break (before
    /// ー, say) does not end it, or a piece too wide for the line could be left with nowhere to break at all.</summary>
    /// <param name="em">The Japanese–Latin spaces inside a piece count too (a quarter em each): without them a piece
    /// that only just fits by its characters would be too wide for its line and have no cut.</param>
    private static bool[]? Cuttable(List<Cluster> clusters, bool[] mayBreak, int first, int last, double limit, double em)
    {
        if (double.IsPositiveInfinity(limit)) return null;
        var result = new bool[clusters.Count];
        int start = first;
        double width = 0;
        for (int i = first; i <= last + 1; i++)
        {
            bool pieceEnds = i > last || (i > start && mayBreak[clusters[i].Start]);
            if (pieceEnds)
            {
                if (width > limit)
                    for (int k = start + 1; k < i; k++) result[k] = true;
                start = i;
                width = 0;
            }
            if (i <= last)
                width += clusters[i].Advance
                         + (i > start && Script.JapaneseLatinSpaceBetween(clusters[i - 1].LastCodepoint, clusters[i].FirstCodepoint) ? em * JapaneseLatinSpace : 0);
        }
        return result;
    }

    /// <summary>The first cluster of the paragraph's final character (ignoring punctuation after it): a break
    /// at or after it would leave that character alone on the last line.</summary>
    private static int ShortTailStart(List<Cluster> clusters, PunctuationBlank[] blanks, int first, int last)
    {
        int i = last;
        while (i > first && (blanks[i].IsPunctuation || !char.IsLetterOrDigit(clusters[i].Text, 0))) i--;
        return Script.IsCjk(clusters[i].FirstCodepoint) ? i : int.MaxValue;
    }
}
