using HarfBuzzSharp;

namespace NewsletterPress.Shared;

/// <summary>
/// The bytes of one font file, as the Text stage opened them (<c>Text.Fonts.FontFiles</c>: mapped into memory
/// once, read-only, kept for the life of the process). The display list carries it in every <see cref="FontRef"/>,
/// so that the stages after Text (the PDF writer subsetting, the preflight naming, the archive reading a licence)
/// read the very bytes that were shaped and never look a font file up again. One instance per file and version
/// (the cache hands out the same one), so two references to the same face are equal.
/// </summary>
public sealed class FontData(Blob blob)
{
    /// <summary>The bytes as an immutable HarfBuzz blob, for faces. Shared: a reader must not dispose it.</summary>
    public Blob Blob { get; } = blob;
}
