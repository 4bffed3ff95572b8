using System.Collections.Immutable;
using NewsletterPress.Diagnostics;

namespace NewsletterPress.Manifest;

/// <summary>One volume as the editor described it in issue.yaml, validated.</summary>
public sealed record Issue(
    string Folder,
    string Newsletter,
    int Volume,
    DateOnly Date,
    string Publisher,
    string Language,
    ContentsSettings Contents,
    ImmutableArray<ArticleRef> Articles,
    Donation? Donation,
    Style Style)
{
    /// <summary>The page count the editor asked for (<c>pages:</c>), or null: then fewer pages is better.</summary>
    public PageTarget? Pages { get; init; }

    /// <summary>The issue's hyphenation exceptions: word (lower case) → "hy-phen-ation"; a value
    /// without hyphens means the word never breaks.</summary>
    public ImmutableDictionary<string, string> HyphenationExceptions { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Where the newsletter's name is written, for a name too long for the masthead.</summary>
    public SourcePosition? NewsletterWhere { get; init; }

    /// <summary>Where the publisher is written, for a masthead date line too long for its line.</summary>
    public SourcePosition? PublisherWhere { get; init; }

    /// <summary>The name the output files take (<c>slug:</c>), or null: then a transliteration of the masthead.</summary>
    public string? Slug { get; init; }

    /// <summary>Patterns of files never attached to the archive (<c>exclude:</c>), relative to the issue folder:
    /// <c>notes/</c> a folder, <c>*.bak</c> a name anywhere, <c>images/raw/*.png</c> a path.</summary>
    public ImmutableArray<string> Exclude { get; init; } = [];

    /// <summary>Where the <c>exclude:</c> list is written, for the warning about a needed file it keeps out.</summary>
    public SourcePosition? ExcludeWhere { get; init; }

    /// <summary>"Civil Society Forum Vol.11": the document title and the running footer.</summary>
    public string FullTitle => $"{Newsletter} Vol.{Volume}";
}

public enum ContentsPlacement { Cover, OwnPage }

/// <param name="PlacementWhere">Where <c>contents.placement</c> is written, when it is.</param>
public sealed record ContentsSettings(string Title, ContentsPlacement Placement, SourcePosition? PlacementWhere = null);

/// <summary>Where an article begins. <see cref="Auto"/> (the default) lets the page planner choose: under the article
/// before when enough of the page is left, else on a new page; the others are the editor's orders and always obeyed.</summary>
public enum ArticleStart { Auto, NewPage, NewColumn, Continue }

/// <summary>The page count an issue must have: exactly <see cref="Exactly"/> pages, or a multiple of
/// <see cref="MultipleOf"/> (4 for a saddle-stitched issue). <see cref="Where"/> is the manifest's <c>pages:</c> key.</summary>
public sealed record PageTarget(int? Exactly, int? MultipleOf, SourcePosition Where)
{
    public bool Allows(int pages) => Exactly is { } n ? pages == n : pages % MultipleOf!.Value == 0;

    public override string ToString() => Exactly is { } n ? (n == 1 ? "1 page" : $"{n} pages") : $"a multiple of {MultipleOf} pages";
}

/// <summary>Where the donation box goes: <see cref="Auto"/> at the foot of the last page (the planner makes room),
/// <see cref="End"/> straight after the last article.</summary>
public enum DonationPlacement { Auto, End }

/// <summary>An entry of the manifest's articles list; <see cref="Path"/> is absolute.</summary>
public sealed record ArticleRef(string Path, ArticleStart Start, SourcePosition Where);

public sealed record DonationRow(string Label, string Value)
{
    /// <summary>Where the row's label is written, for a label too long for the box.</summary>
    public SourcePosition? Where { get; init; }
}

public sealed record Donation(string Lead, ImmutableArray<string> Options, ImmutableArray<DonationRow> Details,
    DonationPlacement Placement = DonationPlacement.Auto);
