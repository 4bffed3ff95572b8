using NewsletterPress.Diagnostics;
using NewsletterPress.Text;

namespace NewsletterPress.Layout;

/// <summary>
/// Turns "no font has this character" from the Text stage into an input error at the place
/// the text came from (a table, a caption, a title, the manifest), so the editor can fix it.
/// </summary>
internal static class MissingGlyphs
{
    public static T At<T>(SourcePosition where, Func<T> compose)
    {
        try { return compose(); }
        catch (MissingGlyphException e) { throw new InputException(where, e.Message); }
    }

    public static void At(SourcePosition where, Action draw) => At(where, () => { draw(); return 0; });
}
