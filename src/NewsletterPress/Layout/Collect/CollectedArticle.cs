using System.Collections.Immutable;
using NewsletterPress.Content;
using NewsletterPress.Display;
using NewsletterPress.Manifest;

namespace NewsletterPress.Layout.Collect;

/// <summary>
/// An article set once, ready for the page planner: its opener, its body as flow parts, its sections for the outline,
/// and the paragraphs that can be set a line shorter or longer.
/// </summary>
/// <param name="Entry">The manifest's entry: the file and how the article starts.</param>
/// <param name="Columns">1 or the style's column count.</param>
/// <param name="Opener">The opener across the columns, or null for an article that joins the column run before it.</param>
/// <param name="ColumnOpener">The opener a column wide, for an article that joins the column run before it
/// (<c>start: new-column</c>) or that the planner may start right under the article before (<c>start: auto</c>).</param>
/// <param name="JoinsColumnRun">start: new-column with a column run to join: the column opener heads the next column
/// of the article before.</param>
/// <param name="Paragraphs">The paragraphs with other settings, in order.</param>
internal sealed record CollectedArticle(int Index, Article Source, ArticleRef Entry, int Columns, Band? Opener, Band? ColumnOpener,
    bool JoinsColumnRun,
    ImmutableArray<FlowPart> Parts, ImmutableArray<OutlineEntry> Sections, ImmutableArray<int> Paragraphs,
    ParagraphAlternatives Alternatives)
{
    public ArticleStart Start => Entry.Start;

    /// <summary>The planner may start it right under the last line of the article before, in that column run.</summary>
    public bool MayRunIn => ColumnOpener is not null && !JoinsColumnRun;
}
