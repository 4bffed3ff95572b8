using UglyToad.PdfPig.Tokens;

namespace NewsletterPress.Preflight;

/// <summary>
/// The logical structure of a tagged file against the nesting rules (ISO 32000-2 Annex L) and the
/// clauses of PDF/UA-1 (ISO 14289-1) that concern the tree itself: the role map, figures' /Alt,
/// heading order, table header /Scope, notes' /ID, and that every link annotation is owned by a
/// /Link element through its /StructParent.
/// </summary>
internal sealed class StructureChecks(PdfFile file, StructureReader tree, List<Finding> findings)
{
    /// <summary>The Annex L nesting rules and each link's element: for any tagged file.</summary>
    public void Nesting()
    {
        foreach (var top in tree.TopLevel)
        {
            if (!StructureNesting.Allows("Root", top.Standard))
                Add(Severity.Error, $"the structure tree root contains {Describe(top)}; it may hold only a Document element", Clauses.Pdf.Nesting);
        }
        foreach (var node in tree.All)
        {
            foreach (var kid in node.Kids.Where(k => !StructureNesting.Allows(node.Standard, k.Standard)).Select(Describe).Distinct())
                Add(Severity.Error, $"{Describe(node)} contains {kid}", Clauses.Pdf.Nesting);
            if (node.ContentItems > 0 && !StructureNesting.AllowsContent(node.Standard))
                Add(Severity.Error, $"{Describe(node)} holds marked content directly; a grouping element holds only elements", Clauses.Pdf.Nesting);
        }
        LinkOwners();
    }

    /// <summary>PDF/UA-1's rules on the tree.</summary>
    public void UniversalAccessibility()
    {
        if (tree.Root is null)
        {
            Add(Severity.Error, "the file has no structure tree (StructTreeRoot)", Clauses.PdfUa1.General);
            return;
        }
        foreach (var problem in tree.RoleMapProblems.Distinct())
            Add(Severity.Error, problem, Clauses.PdfUa1.General);
        foreach (var node in tree.All.Where(n => !StructureReader.StandardTypes.Contains(n.Standard)).Select(n => n.Type).Distinct())
            Add(Severity.Error, $"the structure type {node} is not standard and the role map does not map it to one", Clauses.PdfUa1.General);

        var figures = tree.All.Where(n => n.Standard == "Figure").ToList();
        var withoutAlt = figures.Count(f => string.IsNullOrWhiteSpace(file.Text(f.Dictionary, "Alt")) && string.IsNullOrWhiteSpace(file.Text(f.Dictionary, "ActualText")));
        if (withoutAlt > 0)
            Add(Severity.Error, $"{withoutAlt} of {figures.Count} Figure elements have no /Alt text", Clauses.PdfUa1.Figures);
        var withoutBox = figures.Count(f => !HasAttribute(f, "Layout", "BBox"));
        if (withoutBox > 0)
            Add(Severity.Warning, $"{withoutBox} of {figures.Count} Figure elements have no /BBox layout attribute", Clauses.Pdf.FigureBBox);

        var headers = tree.All.Where(n => n.Standard == "TH").ToList();
        var withoutScope = headers.Count(h => !HasAttribute(h, "Table", "Scope") && file.Get(h.Dictionary, "ID") is null);
        if (withoutScope > 0)
            Add(Severity.Error, $"{withoutScope} of {headers.Count} table header cells (TH) have no /Scope", Clauses.PdfUa1.Tables);

        var notes = tree.All.Where(n => n.Standard == "Note").ToList();
        var ids = notes.Select(n => file.Text(n.Dictionary, "ID")).ToList();
        if (ids.Any(id => id is null))
            Add(Severity.Error, $"{ids.Count(id => id is null)} of {notes.Count} Note elements have no /ID", Clauses.PdfUa1.Notes);
        if (ids.OfType<string>().GroupBy(id => id, StringComparer.Ordinal).Any(g => g.Count() > 1))
            Add(Severity.Error, "two Note elements share an /ID", Clauses.PdfUa1.Notes);

        Headings();
        OtherAnnotations();
    }

    /// <summary>§7.18.1: an annotation other than a link, a widget, a printer's mark or a popup is nested in an Annot element.</summary>
    private void OtherAnnotations()
    {
        for (var i = 0; i < file.Pages.Count; i++)
        {
            var annotations = file.Array(file.Pages[i].Dictionary, "Annots")?.Data.Select(file.Resolve).OfType<DictionaryToken>() ?? [];
            foreach (var annotation in annotations)
            {
                var subtype = file.Name(annotation, "Subtype");
                if (subtype is "Link" or "Widget" or "PrinterMark" or "Popup")
                    continue;
                var element = file.Number(annotation, "StructParent") is { } key ? tree.ElementOfKey((int)key) : null;
                var role = element is null ? null : tree.StandardOf(file.Name(element, "S") ?? "");
                if (role != "Annot")
                    Add(Severity.Error, $"a {subtype} annotation is not nested in an Annot element", Clauses.PdfUa1.Annotations, $"page {i + 1}");
            }
        }
    }

    /// <summary>§7.4.2: headings H1…H6 start at H1 and never skip a level, in reading order.</summary>
    private void Headings()
    {
        var previous = 0;
        foreach (var node in tree.All)
        {
            if (node.Standard.Length != 2 || node.Standard[0] != 'H' || !char.IsAsciiDigit(node.Standard[1]))
                continue;
            var level = node.Standard[1] - '0';
            if (level > previous + 1)
            {
                Add(Severity.Error, previous == 0
                    ? $"the first heading is {node.Standard}, not H1"
                    : $"a heading goes from H{previous} to {node.Standard}, skipping a level", Clauses.PdfUa1.Headings);
                return;
            }
            previous = level;
        }
    }

    /// <summary>Every link annotation has a /StructParent that leads to a /Link element owning it by /OBJR.</summary>
    private void LinkOwners()
    {
        if (tree.Root is null)
            return;
        var owned = tree.All.SelectMany(n => n.Objects.Select(o => (o, n))).GroupBy(p => p.o).ToDictionary(g => g.Key, g => g.First().n);
        for (var i = 0; i < file.Pages.Count; i++)
        {
            if (file.Array(file.Pages[i].Dictionary, "Annots") is not { } annotations)
                continue;
            foreach (var entry in annotations.Data)
            {
                if (entry is not IndirectReferenceToken reference || file.Resolve(entry) is not DictionaryToken annotation
                    || file.Name(annotation, "Subtype") != "Link")
                    continue;
                var where = $"page {i + 1}";
                if (file.Number(annotation, "StructParent") is not { } key)
                {
                    Add(Severity.Error, "a link annotation has no /StructParent, so no element owns it", Clauses.Pdf.StructParent, where);
                    continue;
                }
                var element = tree.ElementOfKey((int)key);
                if (element is null || !owned.TryGetValue(reference.Data, out var owner) || !(ReferenceEquals(owner.Dictionary, element) || owner.Dictionary.Equals(element)))
                {
                    Add(Severity.Error, "a link annotation's /StructParent does not lead to the element that owns it", Clauses.Pdf.StructParent, where);
                    continue;
                }
                if (owner.Standard != "Link")
                    Add(Severity.Error, $"a link annotation belongs to {Describe(owner)}, not to a Link element", Clauses.PdfUa1.Links, where);
            }
        }
    }

    private bool HasAttribute(StructNode node, string owner, string key)
    {
        var attributes = file.Get(node.Dictionary, "A");
        IEnumerable<IToken> all = attributes is ArrayToken array ? array.Data.Select(file.Resolve).OfType<IToken>() : attributes is null ? [] : [attributes];
        return all.OfType<DictionaryToken>().Any(a => file.Name(a, "O") == owner && a.Data.ContainsKey(key));
    }

    private static string Describe(StructNode node) => node.Type == node.Standard ? node.Type : $"{node.Type} ({node.Standard})";

    private void Add(Severity severity, string message, string clause, string? where = null) =>
        findings.Add(new Finding(severity, "structure", message, where, clause));
}
