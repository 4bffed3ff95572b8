using System.Collections.Immutable;
using NewsletterPress.Display;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// Prepares the display list for the profile before anything is written:
/// <list type="bullet">
/// <item>PDF/X-1a is not tagged (its PDF 1.3 has no /MarkInfo), so its structure is dropped;</item>
/// <item>print files carry no links (PDF/X allows no annotation inside the bleed box), so link areas go;</item>
/// <item>a link the layout tagged as part of a paragraph gets a /Link element of its own, under that
/// paragraph, holding the link's text and its annotation (ISO 32000-1 §14.8.4.4.2, ISO 14289-1 §7.18.5):
/// a glyph run the link crosses is cut where the link starts and ends;</item>
/// <item>elements left with nothing to show are dropped, so no empty element reaches the file.</item>
/// </list>
/// Done here rather than in the layout because only the writer knows whether the file keeps links.
/// </summary>
internal static class TaggedContent
{
    public static DisplayDocument Prepare(DisplayDocument document, ProfileRules rules)
    {
        if (!rules.HasLinks)
            document = document with { Pages = [.. document.Pages.Select(p => p with { Items = [.. p.Items.Where(i => i is not LinkArea)] })] };
        if (!rules.IsTagged || document.Structure.IsDefaultOrEmpty)
            return document with { Structure = [] };
        return Prune(OwnLinkElements(document));
    }

    /// <summary>Gives every link whose element is not a /Link element one of its own.</summary>
    private static DisplayDocument OwnLinkElements(DisplayDocument document)
    {
        var roles = document.Structure.ToDictionary(e => e.Id, e => e.Role);
        var nextId = document.Structure.Max(e => e.Id) + 1;
        var added = ImmutableArray.CreateBuilder<StructureElement>();
        var pages = ImmutableArray.CreateBuilder<Page>();
        foreach (var page in document.Pages)
        {
            var links = new List<(LinkArea Area, int Id)>();
            foreach (var link in page.Items.OfType<LinkArea>())
            {
                if (link.Element is not { } parent || !roles.TryGetValue(parent, out var role) || role == StructureRole.Link)
                    continue;
                links.Add((link, nextId));
                added.Add(new StructureElement(nextId++, parent, StructureRole.Link));
            }
            if (links.Count == 0)
            {
                pages.Add(page);
                continue;
            }
            var items = ImmutableArray.CreateBuilder<DisplayItem>();
            foreach (var item in page.Items)
            {
                switch (item)
                {
                    case LinkArea area when links.FindIndex(l => ReferenceEquals(l.Area, area)) is var i and >= 0:
                        items.Add(area with { Element = links[i].Id });
                        break;
                    case GlyphRun run when run.Element is { } owner && links.Any(l => l.Area.Element == owner):
                        items.AddRange(Cut(run, links.Where(l => l.Area.Element == owner).ToList()));
                        break;
                    default:
                        items.Add(item);
                        break;
                }
            }
            pages.Add(page with { Items = items.ToImmutable() });
        }
        return document with { Pages = pages.ToImmutable(), Structure = document.Structure.AddRange(added) };
    }

    /// <summary>Cuts a run into pieces of one element each: glyphs whose middle lies in a link's area
    /// belong to that link's element. A cluster's later glyphs (no text of their own) stay with its first.</summary>
    private static IEnumerable<GlyphRun> Cut(GlyphRun run, List<(LinkArea Area, int Id)> links)
    {
        var owners = new int?[run.Glyphs.Length];
        for (var g = 0; g < run.Glyphs.Length; g++)
        {
            var glyph = run.Glyphs[g];
            if (g > 0 && glyph.Text.Length == 0)
            {
                owners[g] = owners[g - 1];
                continue;
            }
            double x = run.X + glyph.X + (glyph.Advance / 2), y = run.Y + glyph.Y;
            owners[g] = run.Element;
            foreach (var (area, id) in links)
            {
                if (x >= area.X && x <= area.X + area.Width && y >= area.Y && y <= area.Y + area.Height)
                    owners[g] = id;
            }
        }
        var start = 0;
        for (var g = 1; g <= run.Glyphs.Length; g++)
        {
            if (g < run.Glyphs.Length && owners[g] == owners[start])
                continue;
            var first = run.Glyphs[start];
            yield return run with
            {
                X = run.X + first.X,
                Glyphs = [.. run.Glyphs.Skip(start).Take(g - start).Select(p => p with { X = p.X - first.X })],
                Element = owners[start],
            };
            start = g;
        }
    }

    /// <summary>Drops elements that neither mark something drawn nor hold an element that does.</summary>
    private static DisplayDocument Prune(DisplayDocument document)
    {
        var used = new HashSet<int>(document.Pages.SelectMany(p => p.Items)
            .Where(i => i is not Anchor && i is not GlyphRun { Glyphs.IsDefaultOrEmpty: true })
            .Select(i => i.Element).OfType<int>());
        // Parents come before children, so a backward pass carries use up the tree.
        var parents = document.Structure.Where(e => e.Parent is not null).ToDictionary(e => e.Id, e => e.Parent!.Value);
        foreach (var element in document.Structure.Reverse())
        {
            if (used.Contains(element.Id) && parents.TryGetValue(element.Id, out var parent))
                used.Add(parent);
        }
        return document with { Structure = [.. document.Structure.Where(e => used.Contains(e.Id))] };
    }
}
