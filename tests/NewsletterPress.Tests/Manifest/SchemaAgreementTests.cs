using System.Text.Json;
using System.Text.RegularExpressions;
using NewsletterPress.Diagnostics;
using NewsletterPress.Manifest;
using NewsletterPress.Tests.Support;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NewsletterPress.Tests.Manifest;

/// <summary>
/// The schemas and the tool agree: at every mapping the schema describes, the keys the tool reads are
/// exactly the schema's (asked of the tool itself, through the "valid keys here" of an unknown key),
/// and every example and default in the schemas is accepted by the tool.
/// </summary>
public class SchemaAgreementTests
{
    /// <summary>A manifest that writes every mapping the tool reads in its mapping form.</summary>
    private const string Full = """
        newsletter: N
        volume: 3
        date: 2024-01-15
        publisher: P
        language: ja
        contents: { title: CONTENTS, placement: cover }
        articles:
          - path: articles/a.md
            start: auto
        pages: { multiple-of: 4 }
        donation: { placement: auto, lead: L, options: [o], details: [ { k: v } ] }
        hyphenation: [Ta-jik-i-stan]
        style:
          paper: { width: 210mm, height: 297mm }
          columns: 2
          column-width: 25zw
          column-gap: 2zw
          margins: { top: 18mm, bottom: 20mm, inside: 20mm, outside: 20mm }
          body: { size: 9.5pt, leading: 16.5pt }
          accent: { cmyk: [100, 40, 0, 20], rgb: "#00598f" }
          fonts: { mincho: ipaexm.ttf, gothic: ipaexg.ttf, serif: Liberation Serif, sans: Noto Sans }
          print-condition: { icc: jc.icc, identifier: JC200103, condition: Japan Color }
          latin-in-japanese: false
          proportional-headings: false
          footnotes: column-foot

        """;

    private const string FullFrontMatter = "title: T\nkicker: K\nauthor: A\naffiliation: F\nlang: ja\ncolumns: 2\n";

    private const string Bogus = "zzzzzzzzzzzzzzzz";

    private static readonly JsonElement IssueSchema = JsonDocument.Parse(File.ReadAllText(Repo.Path("schemas", "issue.schema.json"))).RootElement;
    private static readonly JsonElement ArticleSchema = JsonDocument.Parse(File.ReadAllText(Repo.Path("schemas", "article.schema.json"))).RootElement;

    public static TheoryData<string> ManifestMappings() => [.. ObjectPaths(IssueSchema, IssueSchema, "")];

    [Fact]
    public void The_full_manifest_is_accepted_and_reaches_every_mapping_of_the_schema()
    {
        Assert.Null(LoadError(Full));
        var yaml = Parse(Full);
        foreach (var path in ObjectPaths(IssueSchema, IssueSchema, ""))
            Assert.IsType<YamlMappingNode>(Navigate(yaml, path));
    }

    [Theory]
    [MemberData(nameof(ManifestMappings))]
    public void The_tool_reads_exactly_the_keys_the_schema_has(string path)
    {
        var yaml = Parse(Full);
        ((YamlMappingNode)Navigate(yaml, path)).Children[new YamlScalarNode(Bogus)] = new YamlScalarNode("x");
        var error = LoadError(Save(yaml));
        Assert.NotNull(error);
        var unknown = error.All.Single(e => e.Message.Contains($"unknown key '{Bogus}'", StringComparison.Ordinal));
        Assert.Equal(SchemaKeys(IssueSchema, path), ValidKeys(unknown.Message));
    }

    [Fact]
    public void The_front_matter_keys_the_tool_reads_are_exactly_the_schema_s()
    {
        var error = Assert.Throws<InputException>(() => NewsletterPress.Content.FrontMatter.Parse(FullFrontMatter + $"{Bogus}: x\n", "a.md", 2, new SourcePosition("a.md", 1, 1)));
        Assert.Equal(SchemaKeys(ArticleSchema, ""), ValidKeys(error.Message));
    }

    public static TheoryData<string, string> ManifestExamples()
    {
        var data = new TheoryData<string, string>();
        foreach (var (path, value) in Examples(IssueSchema, IssueSchema, "")) data.Add(path, value);
        return data;
    }

    [Theory]
    [MemberData(nameof(ManifestExamples))]
    public void Every_example_and_default_of_the_issue_schema_is_accepted_by_the_tool(string path, string json)
    {
        var yaml = Parse(Full);
        var cut = path.LastIndexOf('.');
        var (parent, key) = cut < 0 ? ("", path) : (path[..cut], path[(cut + 1)..]);
        ((YamlMappingNode)Navigate(yaml, parent)).Children[new YamlScalarNode(key)] = ToYaml(JsonDocument.Parse(json).RootElement);
        // An example that names a file (an article, a profile) names one the folder holds.
        var named = JsonDocument.Parse(json).RootElement is { ValueKind: JsonValueKind.String } text
            && Path.GetExtension(text.GetString()) is ".md" or ".icc" ? text.GetString() : null;
        var error = LoadError(Save(yaml), named);
        Assert.True(error is null, error?.ToString());
    }

    [Fact]
    public void Every_example_of_the_article_schema_is_accepted_by_the_tool()
    {
        foreach (var (key, json) in Examples(ArticleSchema, ArticleSchema, ""))
        {
            var yaml = Parse(FullFrontMatter);
            ((YamlMappingNode)yaml).Children[new YamlScalarNode(key)] = ToYaml(JsonDocument.Parse(json).RootElement);
            NewsletterPress.Content.FrontMatter.Parse(Save(yaml), "a.md", 2, new SourcePosition("a.md", 1, 1));
        }
    }

    [Fact]
    public void An_accent_without_cmyk_is_refused_by_the_schema_and_by_the_tool()
    {
        var manifest = Full.Replace("accent: { cmyk: [100, 40, 0, 20], rgb: \"#00598f\" }", "accent: { rgb: \"#8f1f5a\" }", StringComparison.Ordinal);
        Assert.False(SchemaTests.Evaluate(manifest).IsValid);
        var error = LoadError(manifest);
        Assert.NotNull(error);
        Assert.Contains("style.accent needs its CMYK values for print", error.Message);
    }

    public static TheoryData<string> Articles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(Repo.Path("issues"), "*.md", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(Repo.Path("samples"), "*.md", SearchOption.AllDirectories))
                     .Concat(Directory.EnumerateFiles(Repo.Path("src", "NewsletterPress", "Scaffold", "Template"), "*.md")).Order())
            data.Add(Path.GetRelativePath(Repo.Root, f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Articles))]
    public void Every_article_front_matter_in_the_repository_validates_against_the_article_schema(string relativePath)
    {
        var lines = File.ReadAllLines(Repo.Path(relativePath));
        var end = Array.IndexOf(lines, "---", 1);
        var schema = Json.Schema.JsonSchema.FromText(File.ReadAllText(Repo.Path("schemas", "article.schema.json")),
            new Json.Schema.BuildOptions { SchemaRegistry = new Json.Schema.SchemaRegistry() });
        var result = SchemaTests.Evaluate(string.Join("\n", lines[1..end]), schema);
        Assert.True(result.IsValid, string.Join("\n", SchemaTests.Errors(result)));
    }

    [Theory]
    [InlineData("issue.schema.json")]
    [InlineData("article.schema.json")]
    public void The_schemas_ship_beside_the_binary(string name)
    {
        var shipped = Path.Combine(Path.GetDirectoryName(typeof(SchemaFiles).Assembly.Location)!, "schemas", name);
        Assert.Equal(File.ReadAllText(Repo.Path("schemas", name)), File.ReadAllText(shipped));
    }

    [Fact]
    public void The_manifest_reference_names_every_key_of_the_schemas()
    {
        var reference = File.ReadAllText(Repo.Path("docs", "manifest.md"));
        var missing = KeyPaths(IssueSchema, IssueSchema, "").Concat(KeyPaths(ArticleSchema, ArticleSchema, ""))
            .Select(p => p.Replace("[0]", "[]", StringComparison.Ordinal))
            .Where(p => !reference.Contains($"`{p}`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "docs/manifest.md does not name: " + string.Join(", ", missing));
    }

    /// <summary>Every key of the schema as a path ("style.margins.top", "articles[0].start").</summary>
    private static IEnumerable<string> KeyPaths(JsonElement root, JsonElement node, string path)
    {
        if (ObjectOf(root, node) is not { } obj) yield break;
        foreach (var property in obj.GetProperty("properties").EnumerateObject())
        {
            var child = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            yield return child;
            foreach (var p in KeyPaths(root, property.Value, child)) yield return p;
            if (property.Value.TryGetProperty("items", out var items))
                foreach (var p in KeyPaths(root, items, child + "[0]")) yield return p;
        }
    }

    // --- the tool's side

    private static InputException? LoadError(string manifest, string? alsoFile = null)
    {
        using var folder = new IssueFolder(manifest, ("a.md", "---\ntitle: T\n---\n\n本文。\n"));
        foreach (var file in new[] { "jc.icc", alsoFile }.OfType<string>())
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder.Path, file))!);
            File.WriteAllText(Path.Combine(folder.Path, file), "---\ntitle: T\n---\n");
        }
        try { IssueLoader.Load(folder.Path); return null; }
        catch (InputException e) { return e; }
    }

    /// <summary>The list in "…; valid keys here: a, b, c".</summary>
    private static SortedSet<string> ValidKeys(string message)
    {
        var match = Regex.Match(message, "valid keys here: (.*)$");
        Assert.True(match.Success, message);
        return new SortedSet<string>(match.Groups[1].Value.Split(", "), StringComparer.Ordinal);
    }

    // --- the schema's side

    /// <summary>The object form of a schema node: itself, its $ref, or the object among its oneOf/anyOf.</summary>
    private static JsonElement? ObjectOf(JsonElement root, JsonElement node)
    {
        if (node.TryGetProperty("$ref", out var reference))
            return ObjectOf(root, root.GetProperty("$defs").GetProperty(reference.GetString()!.Split('/')[^1]));
        if (node.TryGetProperty("properties", out _)) return node;
        foreach (var choice in new[] { "oneOf", "anyOf" })
            if (node.TryGetProperty(choice, out var options))
                foreach (var option in options.EnumerateArray())
                    if (ObjectOf(root, option) is { } found) return found;
        return null;
    }

    private static JsonElement Resolve(JsonElement root, JsonElement node) =>
        node.TryGetProperty("$ref", out var reference)
            ? Resolve(root, root.GetProperty("$defs").GetProperty(reference.GetString()!.Split('/')[^1]))
            : node;

    /// <summary>The schema node at a path such as "style.margins" or "articles[0]".</summary>
    private static JsonElement At(JsonElement root, string path)
    {
        var node = root;
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part.TrimEnd(']').Split('[')[0];
            node = ObjectOf(root, node)!.Value.GetProperty("properties").GetProperty(name);
            if (part.EndsWith(']')) node = node.GetProperty("items");
        }
        return node;
    }

    private static SortedSet<string> SchemaKeys(JsonElement root, string path) =>
        new(ObjectOf(root, At(root, path))!.Value.GetProperty("properties").EnumerateObject().Select(p => p.Name), StringComparer.Ordinal);

    /// <summary>Every path of the schema that is a mapping with named keys ("" for the root).</summary>
    private static IEnumerable<string> ObjectPaths(JsonElement root, JsonElement node, string path)
    {
        if (ObjectOf(root, node) is not { } obj) yield break;
        yield return path;
        foreach (var property in obj.GetProperty("properties").EnumerateObject())
        {
            var child = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            var value = property.Value;
            if (value.TryGetProperty("items", out var items) && ObjectOf(root, items) is not null)
                foreach (var p in ObjectPaths(root, items, child + "[0]")) yield return p;
            foreach (var p in ObjectPaths(root, value, child)) yield return p;
        }
    }

    /// <summary>Every example and default of every property, as (path, JSON value).</summary>
    private static IEnumerable<(string Path, string Json)> Examples(JsonElement root, JsonElement node, string path)
    {
        if (ObjectOf(root, node) is not { } obj) yield break;
        foreach (var property in obj.GetProperty("properties").EnumerateObject())
        {
            var child = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            var value = Resolve(root, property.Value);
            if (value.TryGetProperty("examples", out var examples))
                foreach (var example in examples.EnumerateArray()) yield return (child, example.GetRawText());
            if (value.TryGetProperty("default", out var fallback)) yield return (child, fallback.GetRawText());
            foreach (var e in Examples(root, value, child)) yield return e;
            if (value.TryGetProperty("items", out var items))
                foreach (var e in Examples(root, items, child + "[0]")) yield return e;
        }
    }

    // --- YAML

    private static YamlNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents[0].RootNode;
    }

    private static string Save(YamlNode root)
    {
        var writer = new StringWriter();
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static YamlNode Navigate(YamlNode root, string path)
    {
        var node = root;
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = ((YamlMappingNode)node).Children[new YamlScalarNode(part.TrimEnd(']').Split('[')[0])];
            if (part.EndsWith(']')) node = ((YamlSequenceNode)node).Children[0];
        }
        return node;
    }

    private static YamlNode ToYaml(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Object => new YamlMappingNode(json.EnumerateObject().Select(p =>
            new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode(p.Name), ToYaml(p.Value)))),
        JsonValueKind.Array => new YamlSequenceNode(json.EnumerateArray().Select(ToYaml)),
        JsonValueKind.String => new YamlScalarNode(json.GetString()) { Style = ScalarStyle.DoubleQuoted },
        _ => new YamlScalarNode(json.GetRawText()),
    };
}
