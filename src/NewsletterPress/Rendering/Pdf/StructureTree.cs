using NewsletterPress.Display;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// The logical structure of a tagged PDF (ISO 32000-1 §14.7, §14.8): one structure element
/// per <see cref="StructureElement"/>, with the standard structure type of its role
/// (§14.8.4), /Alt and /Lang where given. Page content reaches its element through marked
/// content identifiers (/MCID, §14.7.4.2) and the parent tree (§14.7.4.4), which maps each
/// page's /StructParents key to the elements of its MCIDs, and each link annotation's
/// /StructParent key to its /Link element (which refers to the annotation with an /OBJR).
/// What PDF/UA-1 asks of particular elements is written with them: a Note has a unique /ID
/// (ISO 14289-1 §7.9), a table header cell its /Scope (§7.5), a Figure the /BBox of what it shows.
/// </summary>
internal sealed class StructureTree
{
    private readonly List<StructureElement> _elements;
    private readonly Dictionary<int, int> _indexOfId = [];
    private readonly PdfRef[] _refs;
    private readonly List<(long Sequence, PdfDictionary Kid)>[] _content;
    private readonly SortedDictionary<int, (bool IsAnnotation, PdfRef[] Owners)> _parentTree = [];
    private readonly Dictionary<int, (PdfRef Page, double Left, double Bottom, double Right, double Top)> _extents = [];
    private long _sequence;

    private StructureTree(PdfObjectWriter writer, List<StructureElement> elements)
    {
        _elements = elements;
        Root = writer.Allocate();
        _refs = [.. elements.Select(_ => writer.Allocate())];
        _content = [.. elements.Select(_ => new List<(long, PdfDictionary)>())];
        for (var i = 0; i < elements.Count; i++)
        {
            var element = elements[i];
            if (!_indexOfId.TryAdd(element.Id, i))
                throw new PdfWriterException($"Two structure elements have the id {element.Id}.");
            if (element.Parent is { } parent && (!_indexOfId.TryGetValue(parent, out var p) || p >= i))
                throw new PdfWriterException($"Structure element {element.Id} ({element.Role}) names parent {parent}, which does not come before it.");
        }
    }

    public PdfRef Root { get; }

    /// <summary>The next free parent-tree key (§14.7.4.4 /ParentTreeNextKey).</summary>
    public int NextKey { get; private set; }

    /// <summary>Null when the layout produced no structure: the document is then not tagged.</summary>
    public static StructureTree? Create(PdfObjectWriter writer, DisplayDocument document) =>
        document.Structure.IsDefaultOrEmpty ? null : new StructureTree(writer, [.. document.Structure]);

    /// <summary>Starts a page: returns the marker that hands out its MCIDs.</summary>
    public PageMarks BeginPage(PdfRef page) => new(this, page, NextKey++);

    /// <summary>The standard structure type (§14.8.4) written as the marked-content tag and /S.</summary>
    public string RoleOf(int elementId) => Element(elementId).Role.ToString();

    /// <summary>A link annotation of an element: records the /OBJR and returns the annotation's /StructParent key.</summary>
    public int? Annotation(LinkArea link, PdfRef annotation, PdfRef page)
    {
        if (link.Element is not { } id)
            return null;
        var index = IndexOf(id);
        var key = NextKey++;
        _parentTree.Add(key, (true, [_refs[index]]));
        _content[index].Add((_sequence++, ObjectReference.Of(page, annotation)));
        return key;
    }

    /// <summary>Records where an element's content lies on a page (default user space); a Figure's
    /// extent on the first page it appears on becomes its /BBox.</summary>
    public void Extent(int elementId, PdfRef page, double left, double bottom, double right, double top)
    {
        if (Element(elementId).Role != StructureRole.Figure)
            return;
        if (!_extents.TryGetValue(elementId, out var known))
            _extents[elementId] = (page, left, bottom, right, top);
        else if (known.Page == page)
            _extents[elementId] = (page, Math.Min(known.Left, left), Math.Min(known.Bottom, bottom), Math.Max(known.Right, right), Math.Max(known.Top, top));
    }

    /// <summary>MCIDs of one page's content stream, numbered from 0 (§14.7.4.2).</summary>
    public sealed class PageMarks(StructureTree tree, PdfRef page, int key)
    {
        private readonly List<PdfRef> _owners = [];

        public int Key { get; } = key;

        public bool IsEmpty => _owners.Count == 0;

        /// <summary>Allocates the next MCID for content of element <paramref name="elementId"/>.</summary>
        public int Mark(int elementId)
        {
            var index = tree.IndexOf(elementId);
            var mcid = _owners.Count;
            _owners.Add(tree._refs[index]);
            tree._content[index].Add((tree._sequence++, MarkedContentReference.Of(page, mcid)));
            return mcid;
        }

        /// <summary>Closes the page: its parent-tree entry is the array of owners indexed by MCID.</summary>
        public void End() => tree._parentTree.Add(Key, (false, [.. _owners]));
    }

    /// <summary>Writes every element, the parent tree and the root (§14.7.2, Table 322).</summary>
    public void Write(PdfObjectWriter writer)
    {
        // First content in reading order of each subtree, to place an element's own content
        // among its children. Children come after parents, so one backward pass suffices.
        var first = new long[_elements.Count];
        for (var i = 0; i < first.Length; i++)
            first[i] = _content[i].Count > 0 ? _content[i].Min(c => c.Sequence) : long.MaxValue;
        for (var i = _elements.Count - 1; i >= 0; i--)
        {
            if (_elements[i].Parent is { } parent)
                first[_indexOfId[parent]] = Math.Min(first[_indexOfId[parent]], first[i]);
        }

        var children = _elements.Select(_ => new List<int>()).ToArray();
        var top = new List<int>();
        for (var i = 0; i < _elements.Count; i++)
        {
            if (_elements[i].Parent is { } parent)
                children[_indexOfId[parent]].Add(i);
            else
                top.Add(i);
        }

        var ids = new SortedDictionary<string, PdfRef>(StringComparer.Ordinal);
        for (var i = 0; i < _elements.Count; i++)
        {
            var element = _elements[i];
            var kids = new PdfArray();
            var own = _content[i].OrderBy(c => c.Sequence).ToList();
            var next = 0;
            foreach (var child in children[i])
            {
                while (next < own.Count && first[child] != long.MaxValue && own[next].Sequence < first[child])
                    kids.Dict(own[next++].Kid);
                kids.Ref(_refs[child]);
            }
            while (next < own.Count)
                kids.Dict(own[next++].Kid);

            var structElem = new StructElem(element.Role, element.Parent is { } parent ? _refs[_indexOfId[parent]] : Root).Kids(kids);
            if (element.Role == StructureRole.Note)
            {
                // ISO 14289-1 §7.9: every Note has an /ID, unique in the document.
                var id = "note-" + (ids.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                structElem.Id(id);
                ids.Add(id, _refs[i]);
            }
            if (element.Role == StructureRole.TH)
                structElem.Attributes(StructureAttributes.Scope(HeaderScope.Column)); // our header row heads its columns
            if (_extents.TryGetValue(element.Id, out var box))
                structElem.Attributes(StructureAttributes.BoundingBox(box.Left, box.Bottom, box.Right, box.Top));
            if (!string.IsNullOrEmpty(element.Alt))
                structElem.Alt(element.Alt);
            if (!string.IsNullOrEmpty(element.Lang))
                structElem.Lang(element.Lang);
            writer.WriteObject(_refs[i], structElem.Dictionary);
        }

        // §7.9.7 number tree: each page's key maps to the array of its MCIDs' owners, each
        // annotation's key to its element directly.
        var nums = new PdfArray();
        foreach (var (key, (isAnnotation, owners)) in _parentTree)
        {
            nums.Integer(key);
            if (isAnnotation)
                nums.Ref(owners[0]);
            else
                nums.Array(ReferenceArray(owners));
        }
        var parentTreeRef = writer.Allocate();
        writer.WriteObject(parentTreeRef, new PdfDictionary().Array("Nums", nums));

        var root = new StructTreeRootDictionary().Kids(ReferenceArray([.. top.Select(i => _refs[i])]));
        if (ids.Count > 0)
        {
            // §7.9.6 name tree, one node: keys sorted by their bytes (ASCII here).
            var names = new PdfArray();
            foreach (var (id, element) in ids)
                names.LiteralString(id).Ref(element);
            root.IdTree(new PdfDictionary().Array("Names", names));
        }
        writer.WriteObject(Root, root.ParentTree(parentTreeRef, NextKey).Dictionary);
    }

    private static PdfArray ReferenceArray(IEnumerable<PdfRef> refs)
    {
        var array = new PdfArray();
        foreach (var reference in refs)
            array.Ref(reference);
        return array;
    }

    private StructureElement Element(int id) => _elements[IndexOf(id)];

    private int IndexOf(int id) => _indexOfId.TryGetValue(id, out var index)
        ? index
        : throw new PdfWriterException($"A display item refers to structure element {id}, which the document does not define.");
}
