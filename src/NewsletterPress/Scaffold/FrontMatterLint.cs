using System.Text;
using System.Text.Json;
using NewsletterPress.Manifest;

namespace NewsletterPress.Scaffold;

/// <summary>
/// The configuration that lets an editor check an article's front matter against the shipped schema as it is
/// typed. A YAML language server reads YAML files only: redhat's yaml-language-server leaves the front matter of
/// Markdown to the Markdown tooling (its issue #710; vscode-yaml issue #207 is open), so a schema line in the front
/// matter would be read by nothing. remark-lint-frontmatter-schema does read it: it checks the front matter of the
/// Markdown files its globs match against a JSON Schema, in the remark CLI and in VS Code's remark extension
/// (unifiedjs.vscode-remark), with the schema's path and the globs relative to the folder of the
/// <c>.remarkrc.json</c> that configures it. <c>new</c> writes that file into the issue folder.
/// </summary>
public static class FrontMatterLint
{
    /// <summary>The name remark looks for, from each Markdown file's folder upwards.</summary>
    public const string ConfigName = ".remarkrc.json";

    /// <summary>The articles it checks: the Markdown files in articles/, where new puts them and the manifest lists them.</summary>
    public const string ArticlesGlob = "articles/*.md";

    /// <summary>The remark plugins the configuration names (installed with npm beside the issue or above it).</summary>
    public static readonly string[] Plugins = ["remark-frontmatter", "remark-lint-frontmatter-schema"];

    /// <summary>The configuration for an issue in <paramref name="issueFolder"/>: the shipped article schema, by a path
    /// relative to the folder (as the manifest's schema line names the issue schema), for <see cref="ArticlesGlob"/>.</summary>
    public static string ConfigFor(string issueFolder)
    {
        var schema = Path.GetRelativePath(Path.GetFullPath(issueFolder), SchemaFiles.ArticleSchema).Replace('\\', '/');
        using var text = new MemoryStream();
        // Utf8JsonWriter rather than serialising a model: no reflection, so it stays within the Native AOT build.
        using (var json = new Utf8JsonWriter(text, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("plugins");
            json.WriteStringValue(Plugins[0]);
            json.WriteStartArray();
            json.WriteStringValue(Plugins[1]);
            json.WriteStartObject();
            json.WriteStartObject("schemas");
            json.WriteStartArray(schema);
            json.WriteStringValue(ArticlesGlob);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(text.ToArray()) + "\n";
    }

    /// <summary>Writes the configuration into the new issue folder; returns its name, relative to the folder.</summary>
    public static string Write(string issueFolder)
    {
        File.WriteAllText(Path.Combine(issueFolder, ConfigName), ConfigFor(issueFolder));
        return ConfigName;
    }
}
