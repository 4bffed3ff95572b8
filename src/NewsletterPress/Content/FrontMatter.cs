using NewsletterPress.Diagnostics;
using NewsletterPress.Manifest;
using YamlDotNet.RepresentationModel;

namespace NewsletterPress.Content;

/// <summary>The YAML block at the top of an article.</summary>
/// <param name="Draft">draft: true — the article is left out of every build without --drafts.</param>
/// <param name="TitleWhere">Where the title's value is, spanning it.</param>
internal sealed record FrontMatter(string Title, string? Kicker, string? Author, string? Affiliation, string? Lang, int? Columns, bool Draft,
    SourcePosition TitleWhere)
{
    private static readonly string[] Keys = ["title", "kicker", "author", "affiliation", "lang", "columns", "draft"];

    /// <param name="firstLine">The 1-based line of the file where the YAML text starts, so errors point into the article.</param>
    public static FrontMatter Parse(string yaml, string file, int firstLine, SourcePosition whereMissing)
    {
        var nodes = new YamlNodes(file, yaml, firstLine);
        var stream = new YamlStream();
        YamlText.Load(stream, yaml, nodes, "the front matter");
        if (stream.Documents.Count == 0)
            throw new InputException(whereMissing, "the front matter is empty; an article needs at least 'title:'");
        return nodes.ReadAll(() =>
        {
            var map = nodes.Mapping(stream.Documents[0].RootNode, "the front matter");
            var e = nodes.Entries(map, "the front matter", Keys, "title");
            string? Opt(string key) => e.TryGetValue(key, out var n) ? nodes.Try<string?>(() => nodes.String(n, key), null) : null;
            return new FrontMatter(
                nodes.Try(() => nodes.String(e["title"], "title"), ""), Opt("kicker"), Opt("author"), Opt("affiliation"), Opt("lang"),
                e.TryGetValue("columns", out var c) ? nodes.Try<int?>(() => nodes.Integer(c, "columns", 1, 2), null) : null,
                e.TryGetValue("draft", out var d) && nodes.Try(() => nodes.Choice(d, "draft", new Dictionary<string, bool> { ["true"] = true, ["false"] = false }), false),
                nodes.At(e["title"]));
        });
    }
}
