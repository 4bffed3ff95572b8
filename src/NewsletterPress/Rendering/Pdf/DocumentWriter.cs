using NewsletterPress.Display;
using NewsletterPress.Shared;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// Writes one document: allocates objects in a fixed order (catalog, page tree, info, fonts
/// in order of first use, images, structure, pages, then font programs, outline, structure
/// tree, output intent, attachments and metadata), so object numbers are the same in every
/// build, and wires the pieces into the catalog (ISO 32000-1 §7.7.2).
/// </summary>
internal sealed class DocumentWriter(DisplayDocument source, PdfWriterOptions options)
{
    private readonly ProfileRules _rules = new(options.Profile);

    /// <summary>Everything a page needs that is shared by the whole document.</summary>
    private sealed record Shared(
        PdfObjectWriter Writer, PdfRef PagesRef, ProfileRules Rules, PageGeometry Geometry, ColourSpaces Spaces,
        Dictionary<FontRef, FontUsage> Usages, Dictionary<FontRef, FontProgram> Programs, Dictionary<FontRef, PdfRef> FontRefs,
        ImageEmbedder Images, Navigation Navigation, StructureTree? Structure)
    {
        /// <summary>The content stream being written, one page after another.</summary>
        public ContentStreamBuilder Content { get; } = new();
    }

    public byte[] Write()
    {
        if (source.Pages.IsDefaultOrEmpty)
            throw new PdfWriterException("The document has no pages; a PDF needs at least one.");
        var printIntent = _rules.IsPdfX ? options.PrintIntent : null; // screen and archive ignore it
        printIntent?.Validate();
        var pageMultiple = _rules.IsPdfX ? options.PageMultiple : null; // only print files are folded into sheets
        if (pageMultiple is < 1 or > PageMultipleRecord.Most)
            throw new PdfWriterException($"A print file's page multiple must be a whole number of pages from 1 to {PageMultipleRecord.Most}, not {pageMultiple}.");
        var document = TaggedContent.Prepare(options.KeepViolations ? WithoutDanglingLinks(source) : source, _rules);
        if (_rules.HasPrintMarks)
            document = SlugLine.Add(document, _rules);

        var writer = new PdfObjectWriter(options.Compress, _rules.Version,
            objectStreams: options.Compress && _rules.AllowsObjectStreams);
        var catalogRef = writer.Allocate();
        var pagesRef = writer.Allocate();
        var infoRef = writer.Allocate();

        var usages = CollectFontUsage(document);
        var fontRefs = usages.ToDictionary(u => u.Font, _ => writer.Allocate());
        var programs = new Dictionary<FontRef, FontProgram>();
        try
        {
            // Open every font before writing anything, so a bad font fails fast with its name.
            foreach (var usage in usages)
            {
                var program = FontProgram.Open(usage.Font);
                programs[usage.Font] = program;
                // CIDFontType2 can give a glyph drawn for two texts a second CID (through a
                // /CIDToGIDMap stream), so readers that ignore /ActualText extract both right.
                if (program.Tables.Outlines == FontOutlines.TrueType)
                    usage.AssignAliasCodes((uint)program.Face.GlyphCount);
            }

            var spaces = new ColourSpaces(writer, printIntent?.IccProfile, printIntent?.ProfilePath);
            var geometry = PageGeometry.For(_rules);
            var images = ImageEmbedder.Embed(writer, document, _rules, spaces, options.MaxImageDpi);
            var structure = StructureTree.Create(writer, document);
            var pageRefs = document.Pages.Select(_ => writer.Allocate()).ToList();
            var navigation = Navigation.Collect(document, pageRefs, geometry.Offset);
            var shared = new Shared(writer, pagesRef, _rules, geometry, spaces, usages.ToDictionary(u => u.Font),
                programs, fontRefs, images, navigation, structure);
            for (var i = 0; i < document.Pages.Length; i++)
                WritePage(shared, document.Pages[i], pageRefs[i]);

            // §7.7.3.2 page tree: a single flat node is enough for newsletter-sized documents.
            writer.WriteObject(pagesRef, new PageTreeNode().Kids(pageRefs).Dictionary);

            foreach (var usage in usages)
                CompositeFontEmbedder.Embed(writer, fontRefs[usage.Font], usage, programs[usage.Font], mapEveryGlyph: _rules.MapsEveryGlyph);

            var outlineRef = navigation.WriteOutline(writer, document.Outline);
            structure?.Write(writer);
            var outputIntent = OutputIntents.Write(writer, _rules, spaces, printIntent);
            var attachments = _rules.EmbedsAttachments ? EmbeddedFiles.Write(writer, document) : null;

            // §14.3.2 metadata stream, last, so that its instance id can hash all the content.
            // Never compressed: PDF/A readers and simple tools look for the packet as plain text.
            // PDF/X-1a:2001 is PDF 1.3, which has no metadata streams; its identification is in Info.
            var catalog = Catalog(document, pagesRef, navigation, outlineRef, attachments);
            if (_rules.AllowsPdf14Keys)
            {
                var metadataRef = writer.Allocate();
                writer.WriteStream(metadataRef, new MetadataStream().Dictionary,
                    XmpMetadata.Build(document.Info, _rules, writer.ContentHash(), UniversalAccessibility.CanClaim(document, _rules), pageMultiple),
                    compress: false);
                catalog.Metadata(metadataRef);
            }
            if (outputIntent is { } intent)
                catalog.OutputIntents(intent);
            if (structure is not null)
                catalog.Marked().StructTreeRoot(structure.Root);
            writer.WriteObject(catalogRef, catalog.Dictionary);
            writer.WriteObject(infoRef, DocumentInformation.Build(document.Info, _rules, pageMultiple));
            return writer.Finish(catalogRef, infoRef);
        }
        finally
        {
            foreach (var program in programs.Values)
                program.Dispose();
        }
    }

    /// <summary>For the preflight: a link to a name no anchor defines is reported from the layout, and the file
    /// it checks is written without that link instead of not at all.</summary>
    private static DisplayDocument WithoutDanglingLinks(DisplayDocument document)
    {
        var anchors = document.Pages.SelectMany(p => p.Items).OfType<Anchor>().Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        return document with
        {
            Pages = [.. document.Pages.Select(p => p with
            {
                Items = [.. p.Items.Where(i => i is not LinkArea { Uri: null or "", Destination: { } d } || anchors.Contains(d))],
            })],
        };
    }

    /// <summary>One <see cref="FontUsage"/> per distinct font, in order of first use; resources are named F1, F2…</summary>
    private static List<FontUsage> CollectFontUsage(DisplayDocument document)
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

    /// <summary>
    /// §7.7.3.3 page object with its content stream (§7.8.2) and resources (§7.8.3). When the
    /// document is tagged, each run of items of one structure element becomes one marked-content
    /// sequence with an /MCID (§14.7.4.2), and items of no element become /Artifact (§14.8.2.2).
    /// </summary>
    private static void WritePage(Shared shared, Page page, PdfRef pageRef)
    {
        if (page.Width <= 0 || page.Height <= 0)
            throw new PdfWriterException($"Page '{page.Label}' has size {page.Width} × {page.Height}; both must be positive.");

        var content = shared.Content.Clear();
        var resources = new PageResources();
        var inks = new InkColour(shared.Rules, shared.Spaces, resources);
        var marks = shared.Structure?.BeginPage(pageRef);
        var geometry = shared.Geometry;
        if (geometry.HasMarks)
        {
            if (marks is not null)
                content.BeginMarkedContent("Artifact");
            CropMarks.Paint(content, page, geometry, inks);
            if (marks is not null)
                content.EndMarkedContent();
            content.SaveState().Translate(geometry.Offset, geometry.Offset);
        }

        var sequence = new MarkedSequence(content, marks, shared.Structure);
        foreach (var drawn in page.Items)
        {
            var item = geometry.HasMarks ? BleedExtension.Extend(drawn, page, geometry.Bleed) : drawn;
            if (item is not (LinkArea or Anchor) && item is not GlyphRun { Glyphs.IsDefaultOrEmpty: true })
                sequence.Enter(item.Element); // only items that draw something get marked

            switch (item)
            {
                case GlyphRun run:
                    if (run.Glyphs.IsDefaultOrEmpty)
                        break;
                    var usage = shared.Usages[run.Font];
                    TextPainter.Paint(content, run, page.Height, usage, shared.Programs[run.Font], inks);
                    resources.Font(usage.ResourceName, shared.FontRefs[run.Font]);
                    break;
                case Rule rule:
                    GraphicsPainter.Paint(content, rule, page.Height, inks);
                    break;
                case Box box:
                    GraphicsPainter.Paint(content, box, page.Height, inks);
                    break;
                case ImageItem image:
                    var placed = shared.Images[image];
                    resources.XObject(placed.ResourceName, placed.Reference);
                    if (image.Element is { } figure)
                    {
                        double left = geometry.Offset + image.X, bottom = geometry.Offset + page.Height - image.Y - image.Height;
                        shared.Structure?.Extent(figure, pageRef, left, bottom, left + image.Width, bottom + image.Height);
                    }
                    // §8.9.5: q, scale the unit square to the placed box, Do, Q.
                    content.SaveState()
                        .DrawImage(placed.ResourceName, image.X, page.Height - image.Y - image.Height, image.Width, image.Height)
                        .RestoreState();
                    break;
                case LinkArea or Anchor:
                    break; // written by Navigation
                default:
                    throw new PdfWriterException($"The PDF writer cannot draw {item.GetType().Name} items yet.");
            }
        }
        sequence.Close();
        if (geometry.HasMarks)
            content.RestoreState();

        var contentRef = shared.Writer.Allocate();
        shared.Writer.WriteStream(contentRef, new PdfDictionary(), content.Bytes());

        var pageObject = new PageObject().Parent(shared.PagesRef);
        geometry.ApplyBoxes(pageObject, page);
        pageObject.Resources(resources.ToDictionary()).Contents(contentRef);
        Func<LinkArea, PdfRef, int?>? linkStructure = shared.Structure is { } tree
            ? (link, annotation) => tree.Annotation(link, annotation, pageRef)
            : null;
        if (shared.Navigation.WriteAnnotations(shared.Writer, page, pageRef, geometry.Offset,
                printable: shared.Rules.IsPdfA, linkStructure) is { } annotations)
        {
            // ISO 14289-1 §7.18.3: a page with annotations visits them in structure order.
            pageObject.Annots(annotations).Tabs(TabOrder.S);
        }
        if (marks is not null)
        {
            marks.End();
            pageObject.StructParents(marks.Key);
        }
        shared.Writer.WriteObject(pageRef, pageObject.Dictionary);
    }

    /// <summary>§7.7.2 document catalog.</summary>
    private Catalog Catalog(DisplayDocument document, PdfRef pagesRef, Navigation navigation, PdfRef? outlineRef, EmbeddedFiles.Result? attachments)
    {
        var catalog = new Catalog()
            .Pages(pagesRef)
            .PageLabels(PageLabels.Build(document.Pages));
        if (navigation.NamesDictionary(attachments?.NameTree) is { } names)
            catalog.Names(names);
        if (outlineRef is { } outline)
            catalog.Outlines(outline).PageMode(PageMode.UseOutlines);
        if (attachments is not null)
            catalog.AF(attachments.AssociatedFiles);
        if (!_rules.AllowsPdf14Keys)
            return catalog;
        if (!string.IsNullOrWhiteSpace(document.Info.Language))
            catalog.Lang(document.Info.Language);
        return catalog.DisplayDocTitle(true);
    }
}
