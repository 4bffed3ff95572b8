using NewsletterPress.Display;

namespace NewsletterPress.Rendering.Pdf;

// Typed writers for the logical structure (ISO 32000-1 §14.7, §14.8): the structure tree root,
// structure elements and their attribute objects. Names are enums, so a misspelt owner or scope is
// a compile error rather than a silently ignored attribute.

/// <summary>Structure tree root (§14.7.2, Table 322).</summary>
internal sealed class StructTreeRootDictionary
{
    public PdfDictionary Dictionary { get; } = new("StructTreeRoot");

    /// <summary>/K: the top-level structure elements.</summary>
    public StructTreeRootDictionary Kids(PdfArray kids) { Dictionary.Array("K", kids); return this; }

    /// <summary>/IDTree: name tree from element identifiers to elements; required when any element has an /ID.</summary>
    public StructTreeRootDictionary IdTree(PdfDictionary nameTree) { Dictionary.Dict("IDTree", nameTree); return this; }

    /// <summary>/ParentTree and /ParentTreeNextKey (§14.7.4.4).</summary>
    public StructTreeRootDictionary ParentTree(PdfRef tree, int nextKey)
    {
        Dictionary.Ref("ParentTree", tree).Integer("ParentTreeNextKey", nextKey);
        return this;
    }
}

/// <summary>Structure element (§14.7.2, Table 323).</summary>
internal sealed class StructElem
{
    public StructElem(StructureRole role, PdfRef parent)
    {
        Dictionary = new PdfDictionary("StructElem").Name("S", role.ToString()).Ref("P", parent);
    }

    public PdfDictionary Dictionary { get; }

    /// <summary>/ID: a byte string that identifies the element in the tree's /IDTree.</summary>
    public StructElem Id(string asciiId) { Dictionary.LiteralString("ID", asciiId); return this; }

    /// <summary>/K: child elements and marked-content (MCR) or object (OBJR) references.</summary>
    public StructElem Kids(PdfArray kids) { Dictionary.Array("K", kids); return this; }

    /// <summary>/A: an attribute object (§14.7.5).</summary>
    public StructElem Attributes(PdfDictionary attributes) { Dictionary.Dict("A", attributes); return this; }

    /// <summary>/Alt: what a screen reader says instead of the content (§14.9.3).</summary>
    public StructElem Alt(string text) { Dictionary.TextString("Alt", text); return this; }

    /// <summary>/Lang: the element's language (§14.9.2), a BCP 47 tag.</summary>
    public StructElem Lang(string language) { Dictionary.TextString("Lang", language); return this; }
}

/// <summary>The standard attribute owners used here (§14.8.5, Table 341).</summary>
internal enum AttributeOwner { Layout, Table }

/// <summary>/Scope of a table header cell (§14.8.5.7, Table 349).</summary>
internal enum HeaderScope { Row, Column, Both }

/// <summary>Standard structure attributes (§14.8.5).</summary>
internal static class StructureAttributes
{
    /// <summary>/O /Table /Scope: which cells a TH heads (Table 349).</summary>
    public static PdfDictionary Scope(HeaderScope scope) =>
        new PdfDictionary().Name("O", AttributeOwner.Table.ToString()).Name("Scope", scope.ToString());

    /// <summary>/O /Layout /BBox: the element's extent on its page in default user space (Table 344),
    /// which Figure, Formula and Table elements should give.</summary>
    public static PdfDictionary BoundingBox(double left, double bottom, double right, double top) =>
        new PdfDictionary().Name("O", AttributeOwner.Layout.ToString()).Array("BBox", PdfArray.Of(left, bottom, right, top));
}

/// <summary>Marked-content reference (§14.7.4.3, Table 324).</summary>
internal static class MarkedContentReference
{
    public static PdfDictionary Of(PdfRef page, int mcid) => new PdfDictionary("MCR").Ref("Pg", page).Integer("MCID", mcid);
}

/// <summary>Object reference (§14.7.4.3, Table 325): an annotation that belongs to an element.</summary>
internal static class ObjectReference
{
    public static PdfDictionary Of(PdfRef page, PdfRef annotation) => new PdfDictionary("OBJR").Ref("Pg", page).Ref("Obj", annotation);
}
