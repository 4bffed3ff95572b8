using System.Collections.Immutable;
using NewsletterPress.Display;

namespace NewsletterPress.Layout;

/// <summary>
/// Collects the logical structure of a volume in reading order (source order, which the
/// flow keeps: column one before column two, page after page) while the layout composes it.
/// </summary>
internal sealed class StructureBuilder
{
    private readonly ImmutableArray<StructureElement>.Builder _elements = ImmutableArray.CreateBuilder<StructureElement>();

    public StructureBuilder() => Root = Add(StructureRole.Document, null);

    public int Root { get; }

    public int Add(StructureRole role, int? parent, string? alt = null, string? lang = null)
    {
        int id = _elements.Count;
        _elements.Add(new StructureElement(id, parent, role, alt, lang));
        return id;
    }

    public ImmutableArray<StructureElement> ToImmutable() => _elements.ToImmutable();
}
