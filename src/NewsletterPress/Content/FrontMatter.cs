using NewsletterPress.Diagnostics;
using NewsletterPress.Manifest;
using YamlDotNet.RepresentationModel;

namespace NewsletterPress.Content;

/// <summary>The YAML block at the top of an article.</summary>
/// <param name="Draft">draft: true — the article is left out of every build without --drafts.</param>
internal sealed record FrontMatter(string Title, string? Kicker, string? Author, string? Affiliation, string? Lang, int? Columns, bool Draft)
{
    private static readonly string[] Keys = ["title", "kicker", "author", "affiliation", "lang", "columns", "draft"];

    /// <param name="firstLine">The 1-based line of the file where the YAML text starts, so errors point into the article.</param>
    public static FrontMatter Parse(string yaml, string file, int firstLine, SourcePosition whereMissing)
    {
        var nodes = new YamlNodes(file);
        var stream = new YamlStream();
        try { YamlText.Load(stream, new StringReader(yaml), nodes, "the front matter"); }
        catch (InputException e) when (e.Position is { } p)
        {
            throw new InputException(p with { Line = p.Line + firstLine - 1 }, e.Message);
        }
        if (stream.Documents.Count == 0)
            throw new InputException(whereMissing, "the front matter is empty; an article needs at least 'title:'");
        try
        {
            var map = nodes.Mapping(stream.Documents[0].RootNode, "the front matter");
            var e = nodes.Entries(map, "the front matter", Keys, "title");
            string? Opt(string key) => e.TryGetValue(key, out var n) ? nodes.String(n, key) : null;
            return new FrontMatter(
                nodes.String(e["title"], "title"), Opt("kicker"), Opt("author"), Opt("affiliation"), Opt("lang"),
                e.TryGetValue("columns", out var c) ? nodes.Integer(c, "columns", 1, 2) : null,
                e.TryGetValue("draft", out var d) && nodes.Choice(d, "draft", new Dictionary<string, bool> { ["true"] = true, ["false"] = false }));
        }
        catch (InputException ex) when (ex.Position is { } p)
        {
            // YamlNodes counts lines inside the YAML text; shift them to the article's lines.
            throw new InputException(p with { Line = p.Line + firstLine - 1 }, ex.Message);
        }
    }
}
