using System.Collections.Immutable;

namespace NewsletterPress.Display;

/// <summary>
/// The volume's bibliographic record, written into the PDF's XMP so that an archive can list and
/// search volumes and articles without reading the pages: the newsletter, volume, issue date,
/// publisher and language, and each article with the page it starts on.
/// </summary>
public sealed record VolumeRecord(string Newsletter, int Volume, DateOnly Date, string Publisher, string Language,
    ImmutableArray<ArticleRecord> Articles);

/// <param name="FirstPage">The printed number of the page the article starts on, as in the contents.</param>
/// <param name="Source">The article's file, relative to the issue folder ("articles/world-report.md").</param>
public sealed record ArticleRecord(string Title, string? Kicker, string? Author, int FirstPage, string Source);
