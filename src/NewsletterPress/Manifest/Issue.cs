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
    /// <summary>The issue's hyphenation exceptions: word (lower case) → "hy-phen-ation"; a value
    /// without hyphens means the word never breaks.</summary>
    public ImmutableDictionary<string, string> HyphenationExceptions { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Where the newsletter's name is written, for a name too long for the masthead.</summary>
    public SourcePosition? NewsletterWhere { get; init; }

    /// <summary>Where the publisher is written, for a masthead date line too long for its line.</summary>
    public SourcePosition? PublisherWhere { get; init; }

    /// <summary>"Civil Society Forum Vol.11": the document title and the running footer.</summary>
    public string FullTitle => $"{Newsletter} Vol.{Volume}";
}

public enum ContentsPlacement { Cover, OwnPage }

public sealed record ContentsSettings(string Title, ContentsPlacement Placement);

public enum ArticleStart { NewPage, NewColumn, Continue }

/// <summary>An entry of the manifest's articles list; <see cref="Path"/> is absolute.</summary>
public sealed record ArticleRef(string Path, ArticleStart Start, SourcePosition Where);

public sealed record DonationRow(string Label, string Value)
{
    /// <summary>Where the row's label is written, for a label too long for the box.</summary>
    public SourcePosition? Where { get; init; }
}

public sealed record Donation(string Lead, ImmutableArray<string> Options, ImmutableArray<DonationRow> Details);
