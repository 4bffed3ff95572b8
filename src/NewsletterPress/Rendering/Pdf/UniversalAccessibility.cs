using NewsletterPress.Display;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// Whether the file may claim PDF/UA-1 (ISO 14289-1) in its XMP. How we write the file meets the
/// clauses about form (tagging, /Tabs, link /Contents, /Scope, /BBox, Note /ID, ToUnicode, title
/// display); this checks the ones that depend on what the issue gave us, so that a document
/// without them is never claimed to conform: a title (§7.1, dc:title), a language (§7.2),
/// alternative text on every figure (§7.3) and headings that start at H1 and skip no level (§7.4.2).
/// </summary>
internal static class UniversalAccessibility
{
    public static bool CanClaim(DisplayDocument document, ProfileRules rules) =>
        rules.AimsForPdfUa
        && !document.Structure.IsDefaultOrEmpty
        && !string.IsNullOrWhiteSpace(document.Info.Title)
        && !string.IsNullOrWhiteSpace(document.Info.Language)
        && document.Structure.Where(e => e.Role == StructureRole.Figure).All(e => !string.IsNullOrWhiteSpace(e.Alt))
        && HeadingsInOrder(document.Structure);

    /// <summary>The heading levels in reading order (a depth-first walk of the tree) start at 1 and
    /// never go more than one level deeper than the heading before.</summary>
    public static bool HeadingsInOrder(IReadOnlyList<StructureElement> structure)
    {
        var children = structure.ToLookup(e => e.Parent);
        var previous = 0;
        var stack = new Stack<StructureElement>(children[null].Reverse());
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (Level(element.Role) is { } level)
            {
                if (level > previous + 1)
                    return false;
                previous = level;
            }
            foreach (var child in children[element.Id].Reverse())
                stack.Push(child);
        }
        return true;
    }

    private static int? Level(StructureRole role) => role switch
    {
        StructureRole.H1 => 1,
        StructureRole.H2 => 2,
        StructureRole.H3 => 3,
        _ => null,
    };
}
