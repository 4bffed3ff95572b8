using NewsletterPress.Display;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// Writes one document: allocates objects in a fixed order (catalog, page tree, info, fonts
/// in order of first use, pages, then font programs and outline), so object numbers are the
/// same in every build, and wires the pieces into the catalog (ISO 32000-1 §7.7.2).
/// </summary>
internal sealed class DocumentWriter(DisplayDocument document, PdfWriterOptions options)
{
    public byte[] Write()
    {
        if (document.Pages.IsDefaultOrEmpty)
            throw new PdfWriterException("The document has no pages; a PDF needs at least one.");

        var writer = new PdfObjectWriter(options.Compress);
        var catalogRef = writer.Allocate();
        var pagesRef = writer.Allocate();
        var infoRef = writer.Allocate();

        var usages = CollectFontUsage();
        var fontRefs = usages.ToDictionary(u => u.Font, _ => writer.Allocate());
        var programs = new Dictionary<FontRef, FontProgram>();
        try
        {
            // Open every font before writing anything, so a bad font fails fast with its name.
            foreach (var usage in usages)
                programs[usage.Font] = FontProgram.Open(usage.Font);

            var pageRefs = document.Pages.Select(_ => writer.Allocate()).ToList();
            var navigation = Navigation.Collect(document, pageRefs);
            var usageByFont = usages.ToDictionary(u => u.Font);
            for (var i = 0; i < document.Pages.Length; i++)
                WritePage(writer, document.Pages[i], pageRefs[i], pagesRef, usageByFont, programs, fontRefs, navigation);

            // §7.7.3.2 page tree: a single flat node is enough for newsletter-sized documents.
            writer.WriteObject(pagesRef, new PageTreeNode().Kids(pageRefs).Dictionary);

            foreach (var usage in usages)
                CompositeFontEmbedder.Embed(writer, fontRefs[usage.Font], usage, programs[usage.Font]);

            var outlineRef = navigation.WriteOutline(writer, document.Outline);
            writer.WriteObject(catalogRef, Catalog(pagesRef, navigation, outlineRef));
            writer.WriteObject(infoRef, DocumentInformation.Build(document.Info));
            return writer.Finish(catalogRef, infoRef);
        }
        finally
        {
            foreach (var program in programs.Values)
                program.Dispose();
        }
    }

    /// <summary>One <see cref="FontUsage"/> per distinct font, in order of first use; resources are named F1, F2…</summary>
    private List<FontUsage> CollectFontUsage()
    {
        var usages = new List<FontUsage>();
        var byFont = new Dictionary<FontRef, FontUsage>();
        foreach (var run in document.Pages.SelectMany(p => p.Items).OfType<GlyphRun>())
        {
            if (run.Glyphs.IsDefaultOrEmpty)
                continue; // draws nothing, so needs no font
            if (!byFont.TryGetValue(run.Font, out var usage))
            {
                usage = new FontUsage(run.Font, "F" + (usages.Count + 1));
                byFont.Add(run.Font, usage);
                usages.Add(usage);
            }
            usage.Add(run);
        }
        return usages;
    }

    /// <summary>§7.7.3.3 page object with its content stream (§7.8.2) and resources (§7.8.3).</summary>
    private static void WritePage(PdfObjectWriter writer, Page page, PdfRef pageRef, PdfRef pagesRef,
        Dictionary<FontRef, FontUsage> usages, Dictionary<FontRef, FontProgram> programs,
        Dictionary<FontRef, PdfRef> fontRefs, Navigation navigation)
    {
        if (page.Width <= 0 || page.Height <= 0)
            throw new PdfWriterException($"Page '{page.Label}' has size {page.Width} × {page.Height}; both must be positive.");

        var content = new ContentStreamBuilder();
        var pageFonts = new SortedDictionary<string, PdfRef>(StringComparer.Ordinal);
        foreach (var item in page.Items)
        {
            switch (item)
            {
                case GlyphRun run:
                    var usage = usages[run.Font];
                    TextPainter.Paint(content, run, page.Height, usage, programs[run.Font]);
                    pageFonts.TryAdd(usage.ResourceName, fontRefs[run.Font]);
                    break;
                case Rule rule:
                    GraphicsPainter.Paint(content, rule, page.Height);
                    break;
                case Box box:
                    GraphicsPainter.Paint(content, box, page.Height);
                    break;
                case LinkArea or Anchor:
                    break; // written by Navigation
                default:
                    throw new PdfWriterException($"The PDF writer cannot draw {item.GetType().Name} items yet.");
            }
        }

        var contentRef = writer.Allocate();
        writer.WriteStream(contentRef, new PdfDictionary(), content.ToBytes());

        var pageObject = new PageObject()
            .Parent(pagesRef)
            .MediaBox(page.Width, page.Height)
            .Resources(pageFonts)
            .Contents(contentRef);
        if (navigation.WriteAnnotations(writer, page, pageRef) is { } annotations)
            pageObject.Annots(annotations);
        writer.WriteObject(pageRef, pageObject.Dictionary);
    }

    /// <summary>§7.7.2 document catalog.</summary>
    private PdfDictionary Catalog(PdfRef pagesRef, Navigation navigation, PdfRef? outlineRef)
    {
        var catalog = new Catalog()
            .Pages(pagesRef)
            .PageLabels(PageLabels.Build(document.Pages));
        if (navigation.NamesDictionary() is { } names)
            catalog.Names(names);
        if (outlineRef is { } outline)
            catalog.Outlines(outline).PageMode("UseOutlines");
        if (!string.IsNullOrWhiteSpace(document.Info.Language))
            catalog.Lang(document.Info.Language);
        return catalog.DisplayDocTitle(true).Dictionary;
    }
}
