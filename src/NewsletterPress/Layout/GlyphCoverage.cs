using NewsletterPress.Content;
using NewsletterPress.Diagnostics;
using NewsletterPress.Text;

namespace NewsletterPress.Layout;

/// <summary>
/// Every character of the articles that no configured font has, found before anything is set, so that the editor
/// learns of all of them in one run, each at its line and column in the article, instead of one per run from the
/// line breaker. Titles and kickers are checked where the contents list sets them; the setter still stops at a
/// character this pass does not see (the manifest's text), through <see cref="MissingGlyphs"/>.
/// </summary>
internal static class GlyphCoverage
{
    /// <summary>A character is missing only when no style has it: then every setting of it fails, whatever the
    /// style of its place (a heading is set in the sans, code in the gothic).</summary>
    private static readonly TextStyle[] Styles =
    [
        new(FaceFamily.Serif, 1), new(FaceFamily.Serif, 1, Bold: true), new(FaceFamily.Serif, 1, Italic: true),
        new(FaceFamily.Sans, 1), new(FaceFamily.Sans, 1, Bold: true),
    ];

    public static void Check(IReadOnlyList<Article> articles, FontLibrary fonts, InputErrors errors)
    {
        var covered = new HashSet<int>();
        foreach (var article in articles)
        {
            var source = new Lazy<string[]>(() => File.ReadAllText(article.SourcePath).Split('\n'));
            bool japanese = article.Lang.StartsWith("ja", StringComparison.Ordinal);
            var frontMatter = IssueLayout.FrontMatter(article) with { Line = 1 };
            foreach (var text in new[] { article.Author, article.Affiliation }.OfType<string>())
                CheckText(text, frontMatter);
            foreach (var block in article.Blocks.Concat(article.Footnotes.SelectMany(n => n.Blocks)))
                CheckBlock(block);

            void CheckBlock(Block block)
            {
                foreach (var span in SpansOf(block)) CheckText(span.Text, block.Where);
                foreach (var inner in InnerBlocks(block)) CheckBlock(inner);
            }

            // A loop, not Styles.Any with a lambda: the lambda captured the character, a closure per character checked.
            bool HasFace(int cp)
            {
                foreach (var style in Styles)
                    if (fonts.FaceFor(cp, style, japanese) is not null) return true;
                return false;
            }

            void CheckText(string text, SourcePosition start)
            {
                HashSet<int>? reported = null; // made at the first missing character: almost every text has none
                foreach (var rune in text.EnumerateRunes())
                {
                    int cp = rune.Value is '\n' or 0xAD ? ' ' : rune.Value; // as the setter sees them
                    if (covered.Contains(cp) || reported?.Contains(cp) == true) continue;
                    if (HasFace(cp)) { covered.Add(cp); continue; }
                    (reported ??= []).Add(cp);
                    var (where, line) = Find(source.Value, rune.ToString(), start);
                    errors.Add(new InputException(where, new MissingGlyphException(cp, Excerpt(line ?? text, rune.ToString())).Message));
                }
            }
        }
    }

    private static IEnumerable<Span> SpansOf(Block block) => block switch
    {
        Heading h => h.Text,
        Paragraph p => p.Text,
        Fields f => f.Rows.SelectMany(r => r.Label.Concat(r.Value)),
        Table t => t.Rows.SelectMany(r => r.SelectMany(cell => cell)),
        Figure f => f.Caption,
        _ => [],
    };

    private static IEnumerable<Block> InnerBlocks(Block block) => block switch
    {
        ListBlock l => l.Items.SelectMany(item => item),
        Quote q => q.Blocks,
        _ => [],
    };

    /// <summary>The character's first place in the file at or after the block's start, spanning it for the carets;
    /// the block's start when it is not there as typed (an entity such as &amp;#x1F600;).</summary>
    private static (SourcePosition Where, string? Line) Find(string[] lines, string character, SourcePosition start)
    {
        for (int i = Math.Max(0, start.Line - 1); i < lines.Length; i++)
        {
            int column = lines[i].IndexOf(character, i == start.Line - 1 ? Math.Max(0, start.Column - 1) : 0, StringComparison.Ordinal);
            if (column >= 0) return (start with { Line = i + 1, Column = column + 1, Length = character.Length }, lines[i].TrimEnd('\r'));
        }
        return (start, null);
    }

    /// <summary>Up to ten characters either side of the character, for the message.</summary>
    private static string Excerpt(string text, string character)
    {
        int at = Math.Max(0, text.IndexOf(character, StringComparison.Ordinal));
        int from = Math.Max(0, at - 10), to = Math.Min(text.Length, at + character.Length + 10);
        return text[from..to];
    }
}
