using System.Collections.Immutable;
using NewsletterPress.Display;
using NewsletterPress.Shared;

namespace NewsletterPress.Tests.Pdf;

/// <summary>Small hand-built display lists shaped with the repository's real fonts.</summary>
internal static class SampleDocuments
{
    public const double A4Width = 595.276;
    public const double A4Height = 841.89;

    public const string JapaneseLine = "「市民社会の発展」 2022年度 民";
    public const string EnglishLine = "The first flow of office affairs: 1,234.56 (fine!)";
    public const string Heading = "NewsletterPress — Issue 11";

    public static readonly DocumentInfo Info = new(
        "会報 第11号 — Newsletter", "NewsletterPress 編集部", "ja-JP",
        new DateTimeOffset(2026, 4, 1, 9, 30, 0, TimeSpan.FromHours(9)));

    public static readonly Ink Red = new(0, 0.9, 0.8, 0, "#e53333");

    public static DisplayDocument Mixed()
    {
        var page1 = new Page(A4Width, A4Height,
        [
            new Anchor("top", 56, 40),
            TestShaper.Shape(RepositoryFonts.NotoSansBold, Heading, 20, 56, 80),
            new Rule(56, 90, 539, 90, 0.5, Ink.Black),
            new Rule(56, 94, 539, 94, 1, Red, [3, 2]),
            TestShaper.Shape(RepositoryFonts.IpaexMincho, JapaneseLine, 14, 56, 130, language: "ja"),
            TestShaper.Shape(RepositoryFonts.NotoSerif, EnglishLine, 12, 56, 160),
            new Box(50, 180, 300, 60, Ink.Black, 0.75, new Ink(0.1, 0, 0, 0), 8),
            TestShaper.Shape(RepositoryFonts.IpaexGothic, "寄付のお願い", 12, 60, 205, Red, "ja"),
            TestShaper.Shape(RepositoryFonts.NotoSerif, "https://example.org/donate", 10, 60, 225),
            new LinkArea(60, 215, 200, 14, "https://example.org/donate", null),
            new Anchor("second-article", 56, 300),
            TestShaper.Shape(RepositoryFonts.NotoSerif, "Second article", 12, 56, 310),
        ], "1");
        var page2 = new Page(A4Width, A4Height,
        [
            TestShaper.Shape(RepositoryFonts.NotoSerif, "Back to the top", 12, 56, 80),
            new LinkArea(56, 70, 100, 14, null, "top"),
        ], "2");
        var outline = ImmutableArray.Create(
            new OutlineEntry("表紙", "top", [new OutlineEntry("Second article", "second-article", [])]));
        return new DisplayDocument(Info, [page1, page2], outline);
    }

    public static DisplayDocument SinglePage(params DisplayItem[] items) =>
        new(Info, [new Page(A4Width, A4Height, [.. items], "1")], []);
}
