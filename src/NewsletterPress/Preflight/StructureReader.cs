using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace NewsletterPress.Preflight;

/// <summary>One structure element as read from a file (ISO 32000-1 §14.7.2).</summary>
internal sealed class StructNode(DictionaryToken dictionary, string type, string standard, StructNode? parent)
{
    public DictionaryToken Dictionary { get; } = dictionary;
    /// <summary>/S as written.</summary>
    public string Type { get; } = type;
    /// <summary>/S through the role map; equal to <see cref="Type"/> for a standard type.</summary>
    public string Standard { get; } = standard;
    public StructNode? Parent { get; } = parent;
    public List<StructNode> Kids { get; } = [];
    /// <summary>Marked content (MCIDs, MCRs) directly in this element.</summary>
    public int ContentItems { get; set; }
    /// <summary>Objects (annotations) this element owns through /OBJR.</summary>
    public List<IndirectReference> Objects { get; } = [];
}

/// <summary>
/// Reads the structure tree (§14.7) of any PDF: the elements from /StructTreeRoot down, each with
/// its standard type through the /RoleMap (§14.7.3), and the parent tree (§14.7.4.4) that maps a
/// page's or annotation's key to its element.
/// </summary>
internal sealed class StructureReader
{
    /// <summary>The standard structure types of ISO 32000-1 §14.8.4 (Tables 333–338).</summary>
    public static readonly HashSet<string> StandardTypes = new(StringComparer.Ordinal)
    {
        "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct", "Private",
        "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot",
        "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP",
        "Figure", "Formula", "Form",
    };

    private readonly PdfFile _file;
    private readonly Dictionary<string, string> _roleMap = new(StringComparer.Ordinal);
    private readonly HashSet<IndirectReference> _seen = [];

    private StructureReader(PdfFile file) => _file = file;

    public DictionaryToken? Root { get; private set; }

    /// <summary>Top-level elements (the root's /K), in order.</summary>
    public List<StructNode> TopLevel { get; } = [];

    /// <summary>Every element, parents before children, in the order of a depth-first walk.</summary>
    public List<StructNode> All { get; } = [];

    /// <summary>Role-map entries that map a standard type to another (ISO 14289-1 §7.1 forbids it) or form a cycle.</summary>
    public List<string> RoleMapProblems { get; } = [];

    public static StructureReader Read(PdfFile file)
    {
        var reader = new StructureReader(file);
        reader.Root = file.Dictionary(file.Catalog, "StructTreeRoot");
        if (reader.Root is null)
            return reader;
        if (file.Dictionary(reader.Root, "RoleMap") is { } roleMap)
        {
            foreach (var (key, value) in roleMap.Data)
            {
                if (file.Resolve(value) is NameToken target)
                    reader._roleMap[key] = target.Data;
            }
        }
        foreach (var (from, _) in reader._roleMap)
        {
            if (StandardTypes.Contains(from))
                reader.RoleMapProblems.Add($"the standard type {from} is remapped");
        }
        reader.Walk(file.Get(reader.Root, "K"), null);
        return reader;
    }

    /// <summary>The standard type a written type stands for: itself, or its role-map chain's end.</summary>
    public string StandardOf(string type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (!StandardTypes.Contains(type) && _roleMap.TryGetValue(type, out var next))
        {
            if (!seen.Add(type))
            {
                RoleMapProblems.Add($"the role map is circular at {type}");
                break;
            }
            type = next;
        }
        return type;
    }

    /// <summary>The element an annotation's /StructParent key leads to in the parent tree, if any.</summary>
    public DictionaryToken? ElementOfKey(int key)
    {
        var tree = _file.Dictionary(Root, "ParentTree");
        return Lookup(tree, key, 0) is { } found ? _file.Resolve(found) as DictionaryToken : null;
    }

    private IToken? Lookup(DictionaryToken? node, int key, int depth)
    {
        if (node is null || depth > 32)
            return null;
        if (_file.Array(node, "Nums") is { } nums)
        {
            for (var i = 0; i + 1 < nums.Length; i += 2)
            {
                if (_file.Resolve(nums.Data[i]) is NumericToken n && n.Int == key)
                    return nums.Data[i + 1];
            }
        }
        if (_file.Array(node, "Kids") is { } kids)
        {
            foreach (var kid in kids.Data)
            {
                if (_file.Resolve(kid) is not DictionaryToken child)
                    continue;
                if (_file.Array(child, "Limits") is { Length: 2 } limits && _file.Resolve(limits.Data[0]) is NumericToken low
                    && _file.Resolve(limits.Data[1]) is NumericToken high && (key < low.Int || key > high.Int))
                    continue;
                if (Lookup(child, key, depth + 1) is { } found)
                    return found;
            }
        }
        return null;
    }

    private void Walk(IToken? kids, StructNode? parent)
    {
        IEnumerable<IToken> items = kids is ArrayToken array ? array.Data : kids is null ? [] : [kids];
        foreach (var item in items)
        {
            if (item is IndirectReferenceToken reference && !_seen.Add(reference.Data))
                continue; // a cycle or an element listed twice: count it once
            switch (_file.Resolve(item))
            {
                case NumericToken when parent is not null:
                    parent.ContentItems++;
                    break;
                case DictionaryToken d when _file.Name(d, "Type") == "MCR" && parent is not null:
                    parent.ContentItems++;
                    break;
                case DictionaryToken d when _file.Name(d, "Type") == "OBJR" && parent is not null:
                    if (d.Data.TryGetValue("Obj", out var obj) && obj is IndirectReferenceToken target)
                        parent.Objects.Add(target.Data);
                    break;
                case DictionaryToken d when _file.Name(d, "S") is { } type:
                    var node = new StructNode(d, type, StandardOf(type), parent);
                    (parent?.Kids ?? TopLevel).Add(node);
                    All.Add(node);
                    Walk(_file.Get(d, "K"), node);
                    break;
            }
        }
    }
}
