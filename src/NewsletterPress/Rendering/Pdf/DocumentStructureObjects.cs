namespace NewsletterPress.Rendering.Pdf;

// Typed writers for the objects that make up the document structure. Each wraps a
// dictionary and offers only the keys this writer uses, named as in ISO 32000-1, so that a
// misspelt key is a compile error rather than a silently broken file.

/// <summary>Document catalog (ISO 32000-1 §7.7.2, Table 28).</summary>
internal sealed class Catalog
{
    public PdfDictionary Dictionary { get; } = new("Catalog");

    /// <summary>/Pages: the root of the page tree.</summary>
    public Catalog Pages(PdfRef pageTree) { Dictionary.Ref("Pages", pageTree); return this; }

    /// <summary>/PageLabels: number tree of page labels (§12.4.2).</summary>
    public Catalog PageLabels(PdfDictionary numberTree) { Dictionary.Dict("PageLabels", numberTree); return this; }

    /// <summary>/Names: the name dictionary (§7.7.4).</summary>
    public Catalog Names(PdfDictionary names) { Dictionary.Dict("Names", names); return this; }

    /// <summary>/Outlines: the outline dictionary (§12.3.3).</summary>
    public Catalog Outlines(PdfRef outlines) { Dictionary.Ref("Outlines", outlines); return this; }

    /// <summary>/PageMode: how the document is shown when opened.</summary>
    public Catalog PageMode(PageMode mode) { Dictionary.Name("PageMode", mode.ToString()); return this; }

    /// <summary>/Lang: natural language of the text (§14.9.2), a BCP 47 tag.</summary>
    public Catalog Lang(string language) { Dictionary.TextString("Lang", language); return this; }

    /// <summary>/Metadata: the document's XMP metadata stream (§14.3.2).</summary>
    public Catalog Metadata(PdfRef stream) { Dictionary.Ref("Metadata", stream); return this; }

    /// <summary>/OutputIntents (§14.11.5): the printing condition the colours are meant for.</summary>
    public Catalog OutputIntents(PdfRef intent) { Dictionary.Array("OutputIntents", new PdfArray().Ref(intent)); return this; }

    /// <summary>/AF: associated files (ISO 32000-2 §14.13, required for PDF/A-3 attachments by ISO 19005-3 §6.8).</summary>
    public Catalog AF(PdfArray fileSpecifications) { Dictionary.Array("AF", fileSpecifications); return this; }

    /// <summary>/MarkInfo with /Marked true: the document is tagged (§14.7.1).</summary>
    public Catalog Marked() { Dictionary.Dict("MarkInfo", new PdfDictionary().Bool("Marked", true)); return this; }

    /// <summary>/StructTreeRoot: the root of the structure tree (§14.7.2).</summary>
    public Catalog StructTreeRoot(PdfRef root) { Dictionary.Ref("StructTreeRoot", root); return this; }

    /// <summary>/ViewerPreferences (§12.2) with /DisplayDocTitle: show /Title, not the file name.</summary>
    public Catalog DisplayDocTitle(bool value)
    {
        Dictionary.Dict("ViewerPreferences", new PdfDictionary().Bool("DisplayDocTitle", value));
        return this;
    }
}

/// <summary>Page tree node (§7.7.3.2, Table 29).</summary>
internal sealed class PageTreeNode
{
    public PdfDictionary Dictionary { get; } = new("Pages");

    /// <summary>/Kids and /Count: the pages under this node (all leaves here).</summary>
    public PageTreeNode Kids(IReadOnlyList<PdfRef> pages)
    {
        var kids = new PdfArray();
        foreach (var page in pages)
            kids.Ref(page);
        Dictionary.Array("Kids", kids).Integer("Count", pages.Count);
        return this;
    }
}

/// <summary>Page object (§7.7.3.3, Table 30).</summary>
internal sealed class PageObject
{
    public PdfDictionary Dictionary { get; } = new("Page");

    public PageObject Parent(PdfRef pageTree) { Dictionary.Ref("Parent", pageTree); return this; }

    /// <summary>/MediaBox: the page size in points, origin bottom-left.</summary>
    public PageObject MediaBox(double width, double height) { Dictionary.Array("MediaBox", PdfArray.Of(0, 0, width, height)); return this; }

    /// <summary>/BleedBox (§14.11.2): where the page is clipped in production, trim plus bleed.</summary>
    public PageObject BleedBox(double left, double bottom, double right, double top) { Dictionary.Array("BleedBox", PdfArray.Of(left, bottom, right, top)); return this; }

    /// <summary>/TrimBox (§14.11.2): the finished page after trimming.</summary>
    public PageObject TrimBox(double left, double bottom, double right, double top) { Dictionary.Array("TrimBox", PdfArray.Of(left, bottom, right, top)); return this; }

    /// <summary>/Resources (§7.8.3).</summary>
    public PageObject Resources(PdfDictionary resources) { Dictionary.Dict("Resources", resources); return this; }

    /// <summary>/StructParents: this page's key in the structure parent tree (§14.7.4.4).</summary>
    public PageObject StructParents(int key) { Dictionary.Integer("StructParents", key); return this; }

    public PageObject Contents(PdfRef contentStream) { Dictionary.Ref("Contents", contentStream); return this; }

    public PageObject Annots(PdfArray annotations) { Dictionary.Array("Annots", annotations); return this; }

    /// <summary>/Tabs (PDF 1.5): the order in which keyboard navigation visits the page's annotations.</summary>
    public PageObject Tabs(TabOrder order) { Dictionary.Name("Tabs", order.ToString()); return this; }
}

/// <summary>/PageMode values (§7.7.2, Table 28) that this writer uses.</summary>
internal enum PageMode { UseNone, UseOutlines }

/// <summary>/Tabs values (§12.5, Table 30): R row order, C column order, S structure order.</summary>
internal enum TabOrder { R, C, S }

/// <summary>Metadata stream dictionary (§14.3.2, Table 315): the XMP packet of the document.</summary>
internal sealed class MetadataStream
{
    public PdfDictionary Dictionary { get; } = new PdfDictionary("Metadata").Name("Subtype", "XML");
}

/// <summary>Document information dictionary (§14.3.3, Table 317).</summary>
internal sealed class InformationDictionary
{
    public PdfDictionary Dictionary { get; } = new();

    public InformationDictionary Title(string title) { Dictionary.TextString("Title", title); return this; }
    public InformationDictionary Author(string author) { Dictionary.TextString("Author", author); return this; }
    public InformationDictionary Creator(string creator) { Dictionary.TextString("Creator", creator); return this; }
    public InformationDictionary Producer(string producer) { Dictionary.TextString("Producer", producer); return this; }
    public InformationDictionary CreationDate(DateTimeOffset date) { Dictionary.LiteralString("CreationDate", PdfSyntax.Date(date)); return this; }
    public InformationDictionary ModDate(DateTimeOffset date) { Dictionary.LiteralString("ModDate", PdfSyntax.Date(date)); return this; }

    /// <summary>/Trapped: whether trapping has been applied (§14.11.6); PDF/X wants True or False, not Unknown.</summary>
    public InformationDictionary Trapped(bool trapped) { Dictionary.Name("Trapped", trapped ? "True" : "False"); return this; }

    /// <summary>/GTS_PDFXVersion (ISO 15930-7 §6.7.5, ISO 15930-1 §6.6.5).</summary>
    public InformationDictionary PdfXVersion(string version) { Dictionary.LiteralString("GTS_PDFXVersion", version); return this; }

    /// <summary>/GTS_PDFXConformance (ISO 15930-1 §6.6.5): PDF/X-1a:2001.</summary>
    public InformationDictionary PdfXConformance(string conformance) { Dictionary.LiteralString("GTS_PDFXConformance", conformance); return this; }

    /// <summary>Our own key: the multiple the print file's page count is meant to be (<see cref="PageMultipleRecord"/>).</summary>
    public InformationDictionary PageMultiple(int multiple) { Dictionary.TextString(PageMultipleRecord.InfoKey, PageMultipleRecord.Text(multiple)); return this; }
}
