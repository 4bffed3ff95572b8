using System.Collections.Immutable;
using System.Text;
using NewsletterPress.Display;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// Everything that moves the reader around: named destinations from anchors (ISO 32000-1
/// §12.3.2.3, kept in the catalog's /Dests name tree, §7.9.6), link annotations (§12.5.6.5)
/// and the document outline (§12.3.3). A link or outline entry that points to a name no
/// anchor defines is an error, not a dead link.
/// </summary>
internal sealed class Navigation
{
    private readonly SortedDictionary<byte[], (string Name, PdfArray Destination)> _destinations =
        new(Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b)));

    private Navigation() { }

    /// <summary>Collects every anchor as an /XYZ destination (§12.3.2.2); the first anchor of a name wins.</summary>
    /// <paramref name="offset"/> moves every position by the sheet margin of the print profiles (see <see cref="PageGeometry"/>).
    public static Navigation Collect(DisplayDocument document, IReadOnlyList<PdfRef> pageRefs, double offset = 0)
    {
        var navigation = new Navigation();
        for (var i = 0; i < document.Pages.Length; i++)
        {
            var page = document.Pages[i];
            foreach (var anchor in page.Items.OfType<Anchor>())
            {
                var key = DestinationKey(anchor.Name);
                if (navigation._destinations.ContainsKey(key))
                    continue;
                var destination = new PdfArray().Ref(pageRefs[i]).Name("XYZ")
                    .Number(offset + anchor.X).Number(offset + page.Height - anchor.Y).Null();
                navigation._destinations.Add(key, (anchor.Name, destination));
            }
        }
        return navigation;
    }

    /// <summary>
    /// Writes the page's link annotations and returns the page's /Annots array (null when none).
    /// <paramref name="structure"/> (when tagging) gives each link's /StructParent key and learns
    /// the annotation's object; <paramref name="printable"/> sets the Print flag, which PDF/A
    /// requires (ISO 19005-3 §6.3.2).
    /// </summary>
    public PdfArray? WriteAnnotations(PdfObjectWriter writer, Page page, PdfRef pageRef, double offset = 0,
        bool printable = false, Func<LinkArea, PdfRef, int?>? structure = null)
    {
        var annotations = new PdfArray();
        foreach (var link in page.Items.OfType<LinkArea>())
        {
            var reference = writer.Allocate();
            var annotation = new LinkAnnotation()
                .Rect(offset + link.X, offset + page.Height - link.Y - link.Height, offset + link.X + link.Width, offset + page.Height - link.Y)
                .NoBorder()
                .P(pageRef);
            annotation.Contents(Description(page, link));
            if (printable)
                annotation.Flags(AnnotationFlags.Print);
            if (structure?.Invoke(link, reference) is { } key)
                annotation.StructParent(key);
            if (link.Uri is { Length: > 0 } uri)
                annotation.UriAction(AsciiUri(uri));
            else if (link.Destination is { Length: > 0 } name)
                annotation.Dest(CheckedDestination(name, "link"));
            else
                throw new PdfWriterException($"A link at ({link.X}, {link.Y}) on page '{page.Label}' has neither a URI nor a destination.");
            writer.WriteObject(reference, annotation.Dictionary);
            annotations.Ref(reference);
        }
        return annotations.Count > 0 ? annotations : null;
    }

    /// <summary>
    /// What the link says, for its /Contents (ISO 14289-1 §7.18.5, §14.9.3): the text of its /Link
    /// element on the page, or where it goes when it has none.
    /// </summary>
    private static string Description(Page page, LinkArea link)
    {
        var text = new StringBuilder();
        GlyphRun? previous = null;
        foreach (var run in page.Items.OfType<GlyphRun>().Where(r => link.Element is { } element && r.Element == element))
        {
            // Runs of one line touch; a new line or a gap (the page number after the title) is a space.
            if (previous is not null && (run.Y != previous.Y || run.X > previous.X + previous.Glyphs[^1].X + previous.Glyphs[^1].Advance + (run.Size / 4)))
                text.Append(' ');
            text.Append(run.Text);
            previous = run;
        }
        var description = string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (description.Length > 0)
            return description;
        return link.Uri ?? "Go to " + link.Destination;
    }

    /// <summary>The catalog's /Names dictionary (§7.7.4) with a single-node /Dests name tree, or null.</summary>
    public PdfDictionary? NamesDictionary() => NamesDictionary(null);

    /// <summary>The catalog's /Names dictionary with /Dests and, when given, /EmbeddedFiles (§7.7.4, Table 31).</summary>
    public PdfDictionary? NamesDictionary(PdfDictionary? embeddedFiles)
    {
        if (_destinations.Count == 0 && embeddedFiles is null)
            return null;
        var result = new PdfDictionary();
        if (_destinations.Count > 0)
        {
            var names = new PdfArray();
            foreach (var (_, (name, destination)) in _destinations)
                names.TextString(name).Array(destination);
            result.Dict("Dests", new PdfDictionary().Array("Names", names));
        }
        if (embeddedFiles is not null)
            result.Dict("EmbeddedFiles", embeddedFiles);
        return result;
    }

    /// <summary>Writes the outline tree and returns the outline dictionary's reference, or null when there is no outline.</summary>
    public PdfRef? WriteOutline(PdfObjectWriter writer, ImmutableArray<OutlineEntry> outline)
    {
        if (outline.IsDefaultOrEmpty)
            return null;
        var root = writer.Allocate();
        var (first, last, count) = WriteOutlineLevel(writer, outline, root);
        writer.WriteObject(root, new OutlineDictionary().Children(first, last, count).Dictionary);
        return root;
    }

    /// <summary>Writes one level of sibling items (§12.3.3, Table 153); all items open, so /Count is
    /// the number of descendants. Returns first, last and the number of items written including descendants.</summary>
    private (PdfRef First, PdfRef Last, int Count) WriteOutlineLevel(PdfObjectWriter writer, ImmutableArray<OutlineEntry> entries, PdfRef parent)
    {
        var refs = entries.Select(_ => writer.Allocate()).ToArray();
        var total = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            var item = new OutlineItem()
                .Title(entry.Title)
                .Parent(parent);
            if (i > 0)
                item.Prev(refs[i - 1]);
            if (i < entries.Length - 1)
                item.Next(refs[i + 1]);
            if (!entry.Children.IsDefaultOrEmpty)
            {
                var (first, last, count) = WriteOutlineLevel(writer, entry.Children, refs[i]);
                item.Children(first, last, count);
                total += count;
            }
            item.Dest(CheckedDestination(entry.Destination, $"outline entry \"{entry.Title}\""));
            writer.WriteObject(refs[i], item.Dictionary);
            total++;
        }
        return (refs[0], refs[^1], total);
    }

    /// <summary>Returns <paramref name="name"/> if an anchor defines it, else throws naming the <paramref name="user"/>.</summary>
    private string CheckedDestination(string name, string user)
    {
        if (!_destinations.ContainsKey(DestinationKey(name)))
            throw new PdfWriterException($"The {user} points to destination '{name}', but no anchor of that name exists.");
        return name;
    }

    /// <summary>Name trees are sorted by the bytes of their keys (§7.9.6), i.e. of the written string.</summary>
    private static byte[] DestinationKey(string name) =>
        name.All(c => c is >= ' ' and <= '~') ? Encoding.ASCII.GetBytes(name) : PdfSyntax.Utf16BigEndianWithBom(name);

    private static string AsciiUri(string uri)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(uri))
        {
            if (b is > 0x20 and < 0x7f)
                sb.Append((char)b);
            else
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
