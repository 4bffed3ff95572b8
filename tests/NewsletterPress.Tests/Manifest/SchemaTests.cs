using System.Text.Json.Nodes;
using Json.Schema;
using NewsletterPress.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace NewsletterPress.Tests.Manifest;

/// <summary>The JSON Schema that gives editors completion must accept what the tool accepts.</summary>
public class SchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Repo.Path("schemas", "issue.schema.json")));

    public static TheoryData<string> Manifests()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(Repo.Path("issues"), "issue.yaml", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(Repo.Path("samples"), "issue.yaml", SearchOption.AllDirectories)).Order())
            data.Add(Path.GetRelativePath(Repo.Root, f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Every_manifest_in_the_repository_validates_against_the_schema(string relativePath)
    {
        var result = Evaluate(File.ReadAllText(Repo.Path(relativePath)));
        Assert.True(result.IsValid, string.Join("\n", Errors(result)));
    }

    [Fact]
    public void The_schema_rejects_an_unknown_key()
    {
        var yaml = File.ReadAllText(Repo.Path("issues", "vol-11", "issue.yaml")) + "colour: blue\n";
        Assert.False(Evaluate(yaml).IsValid);
    }

    [Fact]
    public void The_schema_accepts_slug_and_exclude_and_rejects_a_pattern_that_leaves_the_folder()
    {
        var yaml = File.ReadAllText(Repo.Path("issues", "vol-11", "issue.yaml")) + "slug: civil-society-forum\n";
        Assert.True(Evaluate(yaml + "exclude: [notes/, \"*.bak\"]\n").IsValid);
        Assert.False(Evaluate(yaml + "exclude: [../elsewhere/]\n").IsValid);
        Assert.False(Evaluate(yaml.Replace("slug: civil-society-forum", "slug: Civil Society", StringComparison.Ordinal)).IsValid);
    }

    internal static EvaluationResults Evaluate(string yaml) => Evaluate(yaml, Schema);

    /// <summary>Validates YAML text against <paramref name="schema"/>, read as the tool reads it.</summary>
    internal static EvaluationResults Evaluate(string yaml, JsonSchema schema)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var json = System.Text.Json.JsonDocument.Parse(ToJson(stream.Documents[0].RootNode)!.ToJsonString()).RootElement;
        return schema.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    internal static IEnumerable<string> Errors(EvaluationResults r) =>
        (r.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));

    /// <summary>YAML → JSON the way the tool reads it: plain numbers and true/false keep their type, everything else is text.</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode s => new JsonArray(s.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "true" or "false" } v => JsonValue.Create(v.Value == "true"),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } v when long.TryParse(v.Value, out var n) => JsonValue.Create(n),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } v when double.TryParse(v.Value, System.Globalization.CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        YamlScalarNode v => JsonValue.Create(v.Value),
        _ => null,
    };

    [Fact]
    public void The_schema_accepts_every_style_key_the_tool_reads()
    {
        var yaml = File.ReadAllText(Repo.Path("issues", "vol-11", "issue.yaml")) +
            "hyphenation: [Ta-jik-i-stan, CANGO]\nstyle:\n  latin-in-japanese: true\n  print-condition: { icc: jc.icc, identifier: JC200103, condition: Japan Color 2001 Coated }\n";
        var result = Evaluate(yaml);
        Assert.True(result.IsValid, string.Join("\n", Errors(result)));
    }
}
