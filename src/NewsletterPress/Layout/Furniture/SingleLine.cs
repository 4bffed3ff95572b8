using NewsletterPress.Diagnostics;
using NewsletterPress.Text;

namespace NewsletterPress.Layout.Furniture;

/// <summary>
/// Text the design has room for on one line only (the newsletter's name in the masthead, a label of
/// the donation box): set on one line, or an input error that says how much too long it is, rather
/// than a second line that nothing would draw.
/// </summary>
internal static class SingleLine
{
    public static TextLine Set(ParagraphSetter setter, IReadOnlyList<TextRun> runs, ParagraphFormat format, SourcePosition? where, string what)
    {
        var lines = setter.Set(runs, format with { Width = 100_000, Justify = false });
        var line = lines[0];
        if (lines.Length > 1 || line.NaturalWidth > format.Width + 0.01)
            throw new InputException(where,
                $"{what} \"{string.Concat(runs.Select(r => r.Text))}\" is too long for its one line ({line.NaturalWidth:0} pt, room for {format.Width:0} pt); shorten it");
        return line;
    }
}
