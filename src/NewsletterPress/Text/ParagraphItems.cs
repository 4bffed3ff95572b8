using System.Buffers;
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

    /// <param name="text">The piece's text (soft hyphens already removed).</param>
    /// <param name="mayBreak">Per UTF-16 index of <paramref name="text"/>: whether a line may start there.</param>
    /// <param name="softHyphen">Per UTF-16 index: whether the editor put a soft hyphen before it.</param>
    /// <param name="cutWiderThan">Allow emergency cuts inside unbreakable pieces wider than this.</param>
    /// <param name="items">Where the items go (cleared first): a list kept from one paragraph to the next, as a
    /// paragraph's items easily outgrow the 85 KB from which .NET allocates on the large-object heap.</param>
    /// <param name="tightenLetters">Let Latin letter spacing shrink a little (<see cref="LetterTightening"/>): only
    /// for setting a paragraph a line shorter.</param>
    public static List<Item> Build(IReadOnlyList<Cluster> clusters, bool[] mayBreak, bool[] softHyphen, ParagraphFormat format,
        double cutWiderThan, List<Item> items, bool tightenLetters = false)
    {
        items.Clear();
        int first = 0, last = clusters.Count - 1;
        while (first <= last && clusters[first].IsSpace) first++; // no line starts with a space
        while (last >= first && clusters[last].IsSpace) last--;
        if (first > last)
        {
            items.Add(Item.MakeGlue(GlueKind.Fill, 0, 0, 0, breakable: false));
            items.Add(Item.MakePenalty(-Item.Infinity, role: PenaltyRole.End));
            return items;
        }
        bool japaneseParagraph = format.Lang.StartsWith("ja", StringComparison.Ordinal);
        double em = format.Em;

        // Rented: for a long paragraph the array is big enough for the large-object heap, and a new one each time
        // made setting grow faster than the paragraph (full collections). If building throws, the pool just lacks it.
        var blanks = ArrayPool<PunctuationBlank>.Shared.Rent(clusters.Count);
        for (int i = first; i <= last; i++) blanks[i] = PunctuationBlank.Of(clusters[i]);
        var hyphenBefore = HyphenationPoints(clusters, softHyphen, format, first, last);
        var cuttable = Cuttable(clusters, mayBreak, first, last, cutWiderThan, em);
        int shortTail = ShortTailStart(clusters, blanks, first, last);

        for (int i = first; i <= last; i++)
        {
            var c = clusters[i];
            if (i > first) Boundary(i - 1, i);
            if (c.IsSpace)
            {
                bool breakable = c.Text == " " && i < last && mayBreak[clusters[i + 1].Start];
                items.Add(Item.MakeGlue(GlueKind.WordSpace, c.Advance, c.Advance * SpaceStretch,
                    c.Advance * SpaceShrink, breakable) with { Penalty = i + 1 >= shortTail ? ShortLastLinePenalty : 0, Cluster = i });
                continue;
            }
            var blank = blanks[i];
            items.Add(Item.Box(i, c.Advance - blank.Leading - blank.Trailing, -blank.Leading));
        }
        // The last line: \parfillskip, then the forced break (Knuth–Plass §2).
        items.Add(Item.MakeGlue(GlueKind.Fill, 0, 0, 0, breakable: false));
        items.Add(Item.MakePenalty(-Item.Infinity, role: PenaltyRole.End));
        ArrayPool<PunctuationBlank>.Shared.Return(blanks);
        return items;

        void Boundary(int a, int b)
        {
            var ca = clusters[a];
            var cb = clusters[b];
            if (ca.IsSpace || cb.IsSpace) return; // the space itself is the glue and the break
            bool allowed = mayBreak[cb.Start];
            double tail = b >= shortTail ? ShortLastLinePenalty : 0;
            var (blankWidth, blankKind) = PunctuationBlank.Between(blanks[a], blanks[b]);
            bool jaLatin = JapaneseLatinSpaceBetween(ca, cb);
            bool interCharacter = japaneseParagraph && Script.IsCjk(ca.LastCodepoint) && Script.IsCjk(cb.FirstCodepoint);

            // Inside a word: a hyphenation point or, for an unbreakable piece wider than the measure, an emergency cut.
            // They come before the letter-spacing glue below, which a break there then drops.
            if (!allowed && hyphenBefore[b])
            {
                var (_, hyphenWidth) = ca.Font.HyphenGlyph(ca.Size);
                items.Add(Item.MakePenalty(HyphenPenalty + tail, hyphenWidth, flagged: true, role: PenaltyRole.Hyphen, cluster: a));
            }
            else if (!allowed && cuttable[b])
                items.Add(Item.MakePenalty(CutPenalty, role: PenaltyRole.Cut, cluster: a));

            bool breakOffered = false;
            if (allowed && blankWidth > 0 && blanks[a].Trailing > 0)
            {
                // JLREQ 3.1.3: at a line end 、。 and closing brackets keep their half em or lose it, nothing between:
                // this penalty keeps it (its width is drawn only when the line ends here); the glue below, dropped
                // at a break, loses it.
                items.Add(Item.MakePenalty(tail, blankWidth, role: PenaltyRole.Blank, cluster: a));
                if (format.HangingPunctuation && ca.Text is "、" or "。" or "，" or "．")
                {
                    // ぶら下げ, only on request: the mark hangs outside the measure, so the line is measured without it.
                    // A small penalty keeps it for lines that need it.
                    double ink = ca.Advance - blanks[a].Trailing;
                    items.Add(Item.MakePenalty(tail + HangingPenalty, -ink, role: PenaltyRole.Hang, cluster: a));
                }
            }
            if (blankWidth > 0)
            {
                items.Add(Item.MakeGlue(blankKind, blankWidth, 0, blankKind == GlueKind.FullStop ? 0 : blankWidth, allowed)
                    with { Penalty = tail });
                breakOffered = allowed;
            }
            if (jaLatin)
            {
                items.Add(Item.MakeGlue(GlueKind.JapaneseLatin, em / 4, em / 4, em / 8, allowed && !breakOffered) with { Penalty = tail });
                breakOffered |= allowed;
            }
            else if (interCharacter)
            {
                items.Add(Item.MakeGlue(GlueKind.InterCharacter, 0, em * InterCharacterStretch, 0, allowed && !breakOffered) with { Penalty = tail });
                breakOffered |= allowed;
            }
            else if (!allowed && Script.IsLatinLetterOrDigit(ca.LastCodepoint) && Script.IsLatinLetterOrDigit(cb.FirstCodepoint))
            {
                // Latin letter spacing. In a Japanese paragraph it is part of JLREQ's last resort, which spreads every
                // character (3.8.3); in an English one it is the emergency measure for a line that even loose word
                // spaces cannot fill (what microtype's tracking and InDesign's letter spacing do).
                items.Add(Item.MakeGlue(japaneseParagraph ? GlueKind.InterCharacter : GlueKind.LetterSpacing, 0, ca.Size * LetterSpacing,
                    tightenLetters ? ca.Size * LetterTightening : 0, breakable: false));
            }

            if (allowed && !breakOffered)
            {
                // A break after an explicit hyphen or dash counts as a hyphenated line (TeX's \exhyphenpenalty).
                bool explicitHyphen = ca.LastCodepoint is '-' or '‐' && !japaneseParagraph;
                items.Add(Item.MakePenalty(tail + (explicitHyphen ? HyphenPenalty : 0), flagged: explicitHyphen, cluster: a));
            }
        }
    }

    /// <summary>Kanji and kana (letters, with ー and 々): the Japanese side of the Japanese–Latin space. Not
    /// punctuation, and not the abbreviation signs that belong to their number (JLREQ cl-12/13: ％ ￥ ＄ ℃).</summary>
    private static bool IsPlainJapanese(int c) =>
        Script.IsCjk(c) && !Script.IsJapanesePunctuation(c) && System.Text.Rune.IsLetter(new System.Text.Rune(c));

    /// <summary>
    /// Where English words may take a hyphen (before cluster i). Soft hyphens in the source are the
    /// editor's word: a word that has any is broken only there. Words in capitals (acronyms) and
    /// Japanese text are never hyphenated.
    /// </summary>
    private static bool[] HyphenationPoints(IReadOnlyList<Cluster> clusters, bool[] softHyphen, ParagraphFormat format, int first, int last)
    {
        var result = new bool[clusters.Count];
        int i = first;
        while (i <= last)
        {
            if (!IsLatinLetters(clusters[i].Text)) { i++; continue; }
            int j = i;
            while (j + 1 <= last && IsLatinLetters(clusters[j + 1].Text)) j++;
            int wordStart = clusters[i].Start;
            var word = string.Concat(Enumerable.Range(i, j - i + 1).Select(k => clusters[k].Text));
            var boundaryCluster = new Dictionary<int, int>();
            for (int k = i + 1; k <= j; k++) boundaryCluster[clusters[k].Start - wordStart] = k;

            bool editorSaid = false;
            foreach (var (offset, k) in boundaryCluster)
                if (softHyphen[wordStart + offset]) { result[k] = true; editorSaid = true; }

            var lang = clusters[i].Run.Lang ?? format.Lang;
            if (!editorSaid && format.Hyphenate && format.Justify && lang.StartsWith("en", StringComparison.Ordinal) && !word.All(char.IsUpper))
                foreach (var point in Hyphenator.Points(word, format.HyphenationExceptions))
                    if (boundaryCluster.TryGetValue(point, out var k)) result[k] = true;
            i = j + 1;
        }
        return result;
    }

    private static bool IsLatinLetters(string text)
    {
        foreach (var ch in text)
            if (!char.IsLetter(ch) || Script.IsCjk(ch)) return false;
        return text.Length > 0;
    }

    /// <summary>Cluster boundaries inside an unbreakable piece wider than <paramref name="limit"/>, where the emergency
    /// pass may cut. A piece runs from one break opportunity to the next: a space where a line may not break (before
    /// ー, say) does not end it, or a piece too wide for the line could be left with nowhere to break at all.</summary>
    /// <summary>Whether the quarter-em Japanese–Latin space goes between two clusters.</summary>
    private static bool JapaneseLatinSpaceBetween(Cluster a, Cluster b) =>
        (IsPlainJapanese(a.LastCodepoint) && Script.IsLatinLetterOrDigit(b.FirstCodepoint))
        || (Script.IsLatinLetterOrDigit(a.LastCodepoint) && IsPlainJapanese(b.FirstCodepoint));

    /// <param name="em">The Japanese–Latin spaces inside a piece count too (a quarter em each): without them a piece
    /// that only just fits by its characters would be too wide for its line and have no cut.</param>
    private static bool[] Cuttable(IReadOnlyList<Cluster> clusters, bool[] mayBreak, int first, int last, double limit, double em)
    {
        var result = new bool[clusters.Count];
        if (double.IsPositiveInfinity(limit)) return result;
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
            if (i <= last) width += clusters[i].Advance + (i > start && JapaneseLatinSpaceBetween(clusters[i - 1], clusters[i]) ? em / 4 : 0);
        }
        return result;
    }

    /// <summary>The first cluster of the paragraph's final character (ignoring punctuation after it): a break
    /// at or after it would leave that character alone on the last line.</summary>
    private static int ShortTailStart(IReadOnlyList<Cluster> clusters, PunctuationBlank[] blanks, int first, int last)
    {
        int i = last;
        while (i > first && (blanks[i].IsPunctuation || !char.IsLetterOrDigit(clusters[i].Text, 0))) i--;
        return Script.IsCjk(clusters[i].FirstCodepoint) ? i : int.MaxValue;
    }
}
