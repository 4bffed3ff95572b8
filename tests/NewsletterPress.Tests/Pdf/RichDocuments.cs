using System.Collections.Immutable;
using NewsletterPress.Display;
using NewsletterPress.Shared;
using SkiaSharp;

namespace NewsletterPress.Tests.Pdf;

/// <summary>
/// A two-page document with everything the profiles care about: text in black and an accent
/// ink, rules, a box, a PNG drawn twice, a JPEG, a link, structure elements and an attachment.
/// </summary>
internal static class RichDocuments
{
    public static readonly Ink Accent = new(1, 0.4, 0, 0.2, "#1f4e8c");

    /// <summary>Structure ids.</summary>
    public const int Document = 1, Title = 2, Body = 3, Link = 4, Figure = 5, Second = 6;

    public static DisplayDocument Build(TempFolder temp, bool rgbImages = true, bool tagged = true)
    {
        var png = rgbImages
            ? TestImages.Png(temp.File("orange.png"), 40, 30, new SKColor(255, 128, 0))
            : TestImages.GrayPng(temp.File("gray.png"), 40, 30, 128);
        var copy = temp.File("orange-copy.png");
        File.Copy(png, copy);
        var source = temp.File("article.md");
        File.WriteAllText(source, "# Heading\n\n本文です。\n");

        ImmutableArray<DisplayItem> page1 =
        [
            TestShaper.Shape(RepositoryFonts.NotoSansBold, SampleDocuments.Heading, 20, 56, 80) with { Element = Title },
            new Rule(56, 90, 539, 90, 0.5, Ink.Black),
            TestShaper.Shape(RepositoryFonts.IpaexMincho, SampleDocuments.JapaneseLine, 14, 56, 130, language: "ja") with { Element = Body },
            TestShaper.Shape(RepositoryFonts.NotoSerif, "https://example.org/donate", 10, 56, 150, Accent) with { Element = Link },
            new LinkArea(56, 140, 150, 14, "https://example.org/donate", null) { Element = Link },
            new Box(50, 180, 300, 60, Accent, 0.75, null, 8),
            new ImageItem(png, 56, 300, 120, 90) { Element = Figure },
            new ImageItem(copy, 300, 300, 60, 45) { Element = Figure },
            TestShaper.Shape(RepositoryFonts.NotoSerif, "Folio 1", 8, 56, 800),
        ];
        ImmutableArray<DisplayItem> page2 =
        [
            TestShaper.Shape(RepositoryFonts.NotoSerif, SampleDocuments.EnglishLine, 12, 56, 80) with { Element = Second },
            new ImageItem(png, 56, 200, 120, 90) { Element = Figure },
        ];
        var document = new DisplayDocument(SampleDocuments.Info,
            [new Page(SampleDocuments.A4Width, SampleDocuments.A4Height, page1, "1"),
             new Page(SampleDocuments.A4Width, SampleDocuments.A4Height, page2, "2")], [])
        {
            Attachments = [new AttachedFile("articles/01-heading.md", source, "text/markdown")],
        };
        if (!tagged)
            return document with { Structure = [] };
        return document with
        {
            Structure =
            [
                new StructureElement(Document, null, StructureRole.Document),
                new StructureElement(Title, Document, StructureRole.H1),
                new StructureElement(Body, Document, StructureRole.P, Lang: "ja"),
                new StructureElement(Link, Body, StructureRole.Link),
                new StructureElement(Figure, Document, StructureRole.Figure, Alt: "An orange rectangle"),
                new StructureElement(Second, Document, StructureRole.P, Lang: "en"),
            ],
        };
    }
}
