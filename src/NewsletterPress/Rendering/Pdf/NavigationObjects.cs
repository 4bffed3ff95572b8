namespace NewsletterPress.Rendering.Pdf;

// Typed writers for link annotations (ISO 32000-1 §12.5.6.5) and the outline (§12.3.3).

/// <summary>Link annotation (§12.5.2 Table 164, §12.5.6.5 Table 173).</summary>
internal sealed class LinkAnnotation
{
    public PdfDictionary Dictionary { get; } = new PdfDictionary("Annot").Name("Subtype", "Link");

    /// <summary>/Rect: the clickable area in default user space.</summary>
    public LinkAnnotation Rect(double left, double bottom, double right, double top)
    {
        Dictionary.Array("Rect", PdfArray.Of(left, bottom, right, top));
        return this;
    }

    /// <summary>/Border [0 0 0]: no visible border (newsletter links are styled in the text).</summary>
    public LinkAnnotation NoBorder() { Dictionary.Array("Border", PdfArray.Of(0, 0, 0)); return this; }

    /// <summary>/Contents: the link's text or purpose, for assistive technology (§12.5.2, §14.9.3).</summary>
    public LinkAnnotation Contents(string text) { Dictionary.TextString("Contents", text); return this; }

    /// <summary>/F: annotation flags (§12.5.3, Table 165).</summary>
    public LinkAnnotation Flags(AnnotationFlags flags) { Dictionary.Integer("F", (int)flags); return this; }

    /// <summary>/StructParent: the annotation's key in the structure parent tree (§14.7.4.4).</summary>
    public LinkAnnotation StructParent(int key) { Dictionary.Integer("StructParent", key); return this; }

    /// <summary>/P: the page the annotation is on.</summary>
    public LinkAnnotation P(PdfRef page) { Dictionary.Ref("P", page); return this; }

    /// <summary>/A with a URI action (§12.6.4.7); the URI must already be 7-bit ASCII.</summary>
    public LinkAnnotation UriAction(string asciiUri)
    {
        Dictionary.Dict("A", new PdfDictionary().Name("S", "URI").LiteralString("URI", asciiUri));
        return this;
    }

    /// <summary>/Dest: a named destination (§12.3.2.3), written as a string.</summary>
    public LinkAnnotation Dest(string name) { Dictionary.TextString("Dest", name); return this; }
}

/// <summary>Annotation flags (§12.5.3, Table 165).</summary>
[Flags]
internal enum AnnotationFlags
{
    None = 0,
    /// <summary>Bit 3: print the annotation when the page is printed.</summary>
    Print = 1 << 2,
}

/// <summary>Outline dictionary, the root of the outline tree (§12.3.3, Table 152).</summary>
internal sealed class OutlineDictionary
{
    public PdfDictionary Dictionary { get; } = new("Outlines");

    /// <summary>/First, /Last and /Count (visible items at all levels).</summary>
    public OutlineDictionary Children(PdfRef first, PdfRef last, int count)
    {
        Dictionary.Ref("First", first).Ref("Last", last).Integer("Count", count);
        return this;
    }
}

/// <summary>Outline item (§12.3.3, Table 153).</summary>
internal sealed class OutlineItem
{
    public PdfDictionary Dictionary { get; } = new();

    public OutlineItem Title(string title) { Dictionary.TextString("Title", title); return this; }
    public OutlineItem Parent(PdfRef parent) { Dictionary.Ref("Parent", parent); return this; }
    public OutlineItem Prev(PdfRef sibling) { Dictionary.Ref("Prev", sibling); return this; }
    public OutlineItem Next(PdfRef sibling) { Dictionary.Ref("Next", sibling); return this; }

    /// <summary>/First, /Last and /Count; a positive count means the item is open.</summary>
    public OutlineItem Children(PdfRef first, PdfRef last, int count)
    {
        Dictionary.Ref("First", first).Ref("Last", last).Integer("Count", count);
        return this;
    }

    /// <summary>/Dest: a named destination, written as a string.</summary>
    public OutlineItem Dest(string name) { Dictionary.TextString("Dest", name); return this; }
}
