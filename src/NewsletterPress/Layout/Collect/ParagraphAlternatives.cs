using System.Collections.Immutable;
using NewsletterPress.Diagnostics;
using NewsletterPress.Text;

namespace NewsletterPress.Layout.Collect;

/// <summary>How a paragraph was set, so that it can be set again a line shorter or longer.</summary>
/// <param name="Indent">The paragraph's left indent in the column (lists, quotes).</param>
/// <param name="Marker">A list item's marker, drawn in the indent of the first line.</param>
/// <param name="Notes">The footnotes first called from this paragraph, by the link of their call, in order.</param>
/// <param name="LastLineShare">How much of the measure the last line fills, 0–1.</param>
/// <param name="CanBeShorter">Whether the paragraph can be set a line shorter within the bar (found when it was first
/// set, from the same shaping and items).</param>
/// <param name="CanBeLonger">Whether it can be set a line longer within the bar.</param>
internal sealed record ParagraphRecipe(SourcePosition Where, IReadOnlyList<TextRun> Runs, ParagraphFormat Format, int Element,
    double Indent, TextFragment? Marker, ImmutableArray<(string Link, Note Note)> Notes, int Lines, double LastLineShare,
    bool CanBeShorter = false, bool CanBeLonger = false);

/// <summary>
/// The other settings an article's paragraphs offer the page planner: each one line shorter or one line longer (TeX's
/// \looseness −1 / +1). Whether a setting exists is known from the paragraph's first setting (<see cref="Possible"/>,
/// which the collector asks); its lines are set again the first time the planner asks for them and kept, so no
/// paragraph is ever set twice with the same setting, and a setting that does not exist costs nothing. A setting is
/// offered only when it keeps to typography.md's bar: no justified line with word spaces beyond 150 % or spread letters,
/// nothing overfull, and a last line that is more than a word or a character.
/// </summary>
internal sealed class ParagraphAlternatives(ParagraphSetter setter, LayoutConfig config)
{
    /// <summary>A paragraph set a line longer must still end with a line this many body ems long (more than a character or a short word).</summary>
    private const double ShortestLastLineEm = 2;

    private readonly Dictionary<int, ParagraphRecipe> _recipes = [];
    private readonly Dictionary<(int Paragraph, int Looseness), List<FlowLine>?> _settings = [];

    public void Add(int paragraph, ParagraphRecipe recipe) => _recipes[paragraph] = recipe;

    /// <summary>Where the paragraph is written, and its text, for the editor's report.</summary>
    public (SourcePosition Where, string Text) Source(int paragraph) =>
        (_recipes[paragraph].Where, string.Concat(_recipes[paragraph].Runs.Select(r => r.Text)));

    /// <summary>Paragraphs that might give a line back, most promising first: those whose other lines each have the
    /// least of the last line to take in (its length shared among them).</summary>
    public IEnumerable<int> ShorterCandidates(IEnumerable<int> paragraphs) =>
        paragraphs.Where(_recipes.ContainsKey).OrderBy(p => _recipes[p].LastLineShare / (_recipes[p].Lines - 1)).ThenBy(p => p);

    /// <summary>Paragraphs that might take a line more, most promising first: those whose lines each give up the least
    /// text (a new last line, nearly full, takes what the old one did not hold: about two lines less the old last
    /// line's length, shared among them), so long paragraphs with a long last line.</summary>
    public IEnumerable<int> LongerCandidates(IEnumerable<int> paragraphs) =>
        paragraphs.Where(p => _recipes.TryGetValue(p, out var r) && r.Lines >= 3)
            .OrderBy(p => (2 - _recipes[p].LastLineShare) / _recipes[p].Lines).ThenBy(p => p);

    /// <summary>The paragraph's lines with one line fewer (<paramref name="looseness"/> −1) or more (+1), or null when it
    /// cannot be set so within the bar.</summary>
    public List<FlowLine>? Lines(int paragraph, int looseness)
    {
        if (_settings.TryGetValue((paragraph, looseness), out var known)) return known;
        var recipe = _recipes[paragraph];
        List<FlowLine>? lines = null;
        if (looseness < 0 ? recipe.CanBeShorter : recipe.CanBeLonger)
        {
            // Set again rather than kept from the first setting: most settings that exist are never asked for, and
            // keeping their glyphs for every paragraph would cost more memory than setting the few asked for again.
            var set = MissingGlyphs.At(recipe.Where, () => setter.SetLoosened(recipe.Runs, recipe.Format with { Looseness = looseness }));
            if (set is { } loosened && loosened.Length == recipe.Lines + looseness)
                lines = ParagraphLines.ToFlowLines(loosened, recipe, paragraph, config, keepTogether: false, NotesOf(recipe));
        }
        _settings[(paragraph, looseness)] = lines;
        return lines;
    }

    /// <summary>Whether a paragraph first set in <paramref name="natural"/> lines is worth the question of a setting a line
    /// shorter (<paramref name="looseness"/> −1) or longer (+1): only those the candidates above can offer.</summary>
    public static bool Asked(int natural, int looseness) => looseness < 0 ? natural >= 2 : natural >= 3;

    /// <summary>Whether <paramref name="loosened"/>, a paragraph of <paramref name="natural"/> lines set a line shorter or
    /// longer, has the line count asked for and keeps to the bar.</summary>
    public bool Possible(ImmutableArray<TextLine>? loosened, int natural, int looseness, ParagraphFormat format) =>
        loosened is { } set && set.Length == natural + looseness && WithinTheBar(set, format);

    /// <summary>Word spaces within 150 %; in Japanese, characters spread by at most ⅛ em (JLREQ's last resort, which the
    /// first pass allows); no letter spacing at all.</summary>
    private bool WithinTheBar(ImmutableArray<TextLine> set, ParagraphFormat format)
    {
        double mostSpread = format.Lang.StartsWith("ja", StringComparison.Ordinal) ? 1 : 0;
        return set.All(l => !l.Overfull)
               && set.SkipLast(1).All(l => l.SpaceRatio <= 1 + 1e-6 && l.InterCharacterRatio <= mostSpread + 1e-6 && l.LetterRatio == 0)
               && (set.Length < 2 || set[^1].NaturalWidth >= Math.Min(format.Width, ShortestLastLineEm * config.BodySize));
    }

    /// <summary>Each footnote goes with the line that now holds its first call.</summary>
    private static Func<TextLine, ImmutableArray<Note>> NotesOf(ParagraphRecipe recipe)
    {
        var left = recipe.Notes.ToList();
        return line =>
        {
            if (left.Count == 0) return [];
            var links = line.Glyphs.Select(g => g.Link).Where(l => l is not null).ToHashSet(StringComparer.Ordinal);
            var here = left.Where(n => links.Contains(n.Link)).ToList();
            left.RemoveAll(here.Contains);
            return [.. here.Select(n => n.Note)];
        };
    }
}

/// <summary>A set paragraph as flow lines: one grid line each, tagged with the paragraph's structure element, the
/// marker of a list item in the first line's indent.</summary>
internal static class ParagraphLines
{
    public static List<FlowLine> ToFlowLines(ImmutableArray<TextLine> set, ParagraphRecipe recipe, int id, LayoutConfig config,
        bool keepTogether, Func<TextLine, ImmutableArray<Note>> notes)
    {
        var lines = new List<FlowLine>(set.Length);
        for (int i = 0; i < set.Length; i++)
        {
            bool keep = keepTogether && set.Length <= Look.Body.MaxLinesKeptTogether && i < set.Length - 1;
            var text = new TextFragment(set[i], recipe.Indent, config.BaselineOffset) { Element = recipe.Element };
            ImmutableArray<Fragment> fragments = i == 0 && recipe.Marker is { } marker ? [marker, text] : [text];
            lines.Add(new FlowLine(1, fragments, keep ? Keep.WithNext : Keep.None, Paragraph: id, LineInParagraph: i, LinesInParagraph: set.Length)
            {
                Notes = notes(set[i]),
            });
        }
        return lines;
    }
}
