using NewsletterPress.Shared;
using NewsletterPress.Text.Phrases;

namespace NewsletterPress.Text;

/// <summary>
/// Display lines (titles, kickers, headings, contents entries, donation lines: <see cref="ParagraphFormat.Display"/>):
/// Japanese breaks only at phrase boundaries (文節, <see cref="PhraseBoundaries"/>), never inside a word as a body line
/// may, and the lines are balanced, as CSS <c>text-wrap: balance</c> does: set in as few lines as the measure allows,
/// and as even as those lines can be.
/// </summary>
internal static class DisplayLines
{
    /// <summary>How closely the balancing search closes in on the narrowest measure, in points.</summary>
    private const double Precision = 0.25;

    /// <summary>Restricts <paramref name="mayBreak"/> around Japanese characters to phrase boundaries; breaks between two
    /// Latin characters (at a space) stay as they are. Inside a phrase wider than <paramref name="measure"/> every break
    /// body text has stays too, so that only that phrase is broken inside.</summary>
    public static bool[] AtPhrases(string text, bool[] mayBreak, IReadOnlyList<Cluster> clusters, double measure)
    {
        var phrase = PhraseBoundaries.Japanese.Find(text);
        var advance = new double[text.Length + 1];
        foreach (var c in clusters) advance[c.Start] = c.Advance;
        var result = (bool[])mayBreak.Clone();
        for (int start = 0; start < text.Length;)
        {
            int end = start + 1;
            while (end < text.Length && !phrase[end]) end++;
            double width = 0;
            for (int i = start; i < end; i++) width += advance[i];
            if (width <= measure)
                for (int i = Math.Max(start, 1); i < end; i++)
                    if (Script.IsCjk(text[i - 1]) || Script.IsCjk(text[i])) result[i] = i == start && phrase[i] && mayBreak[i];
            start = end;
        }
        return result;
    }

    /// <summary>
    /// The lines set by <paramref name="set"/> at <paramref name="measure"/>, or, when they are more than one, set at the
    /// narrowest measure that still gives as many lines (none overfull): the lines are then as even as they can be. A
    /// binary search; each try sets a line or two of display text.
    /// </summary>
    public static List<TextLine> Balance(Func<double, List<TextLine>> set, double measure)
    {
        var lines = set(measure);
        if (lines.Count < 2 || lines.Any(l => l.Overfull)) return lines;
        // The lines together are about as wide as the text, so no measure under half their share can hold it.
        double low = lines.Sum(l => l.NaturalWidth) / (2 * lines.Count), high = lines.Max(l => l.NaturalWidth);
        var best = lines;
        while (high - low > Precision)
        {
            double middle = (low + high) / 2;
            var trial = set(middle);
            if (trial.Count <= lines.Count && !trial.Any(l => l.Overfull)) (high, best) = (middle, trial);
            else low = middle;
        }
        return best;
    }
}
