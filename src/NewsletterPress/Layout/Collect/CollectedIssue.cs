using System.Collections.Immutable;
using NewsletterPress.Manifest;

namespace NewsletterPress.Layout.Collect;

/// <summary>
/// Everything the page planner places, set once: the cover's masthead, the height of the contents list (its page
/// numbers come from the plan), the articles, and the donation box with where the editor wants it.
/// </summary>
/// <param name="ContentsLines">Grid lines the contents list takes, whatever its page numbers.</param>
internal sealed record CollectedIssue(
    Band Masthead,
    int ContentsLines,
    bool ContentsOwnPage,
    ImmutableArray<CollectedArticle> Articles,
    Band? Donation,
    DonationPlacement DonationPlacement,
    PageTarget? Target);
