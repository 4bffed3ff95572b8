using System.IO.Enumeration;
using System.Text.Json;
using Json.Schema;
using NewsletterPress.Tests.Manifest;
using NewsletterPress.Tests.Pdf;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.EndToEnd;

/// <summary><c>newsletterpress new</c>: a first issue that builds as it is, or the next volume of those beside it.</summary>
public class NewIssueTests
{
    [Fact]
    public void A_new_first_issue_builds_for_screen_and_print_as_it_is()
    {
        using var tree = new IssuesTree();
        var created = Cli.Run(tree.Root, "new", "vol-1");
        Assert.Equal(0, created.ExitCode);
        Assert.True(File.Exists(tree.Path("vol-1", "images", "sample.png")));
        foreach (var (profile, file) in new[] { ("screen", "our-newsletter-vol-1.pdf"), ("print", "our-newsletter-vol-1-print.pdf") })
        {
            var r = Cli.Run(tree.Root, "build", "vol-1", "-p", profile);
            Assert.True(r.ExitCode == 0, r.StdErr);
            var pdf = tree.Path("out", file);
            PdfTools.Ok("qpdf", "--check", pdf);
            var text = PdfTools.Ok("pdftotext", pdf, "-");
            Assert.Contains("創刊のごあいさつ", text);
            Assert.Contains("Welcome to Our Newsletter", text);
            // Both articles place the sample image.
            Assert.Equal(2, PdfTools.Ok("pdfimages", "-list", pdf).Split('\n').Skip(2).Count(l => l.Trim().Length > 0));
        }
        // No warning but the print page count: the sample sets cleanly.
        Assert.DoesNotContain("warning[", Cli.Run(tree.Root, "build", "vol-1").StdErr);
    }

    [Fact]
    public void A_new_issue_validates_against_the_schema_its_first_line_names()
    {
        using var tree = new IssuesTree();
        Directory.CreateDirectory(tree.Path("somewhere", "else"));
        Assert.Equal(0, Cli.Run(tree.Path("somewhere", "else"), "new", "../../vol-1").ExitCode);
        var manifest = File.ReadAllText(tree.Path("vol-1", "issue.yaml"));
        var first = manifest.Split('\n')[0];
        Assert.StartsWith("# yaml-language-server: $schema=", first);
        var schemaPath = Path.GetFullPath(Path.Combine(tree.Path("vol-1"), first["# yaml-language-server: $schema=".Length..]));
        Assert.True(File.Exists(schemaPath), schemaPath);
        // The schema it names is the repository's, shipped beside the binary.
        Assert.Equal(File.ReadAllText(Repo.Path("schemas", "issue.schema.json")), File.ReadAllText(schemaPath));
        var result = SchemaTests.Evaluate(manifest);
        Assert.True(result.IsValid, string.Join("\n", SchemaTests.Errors(result)));
    }

    [Fact]
    public void New_writes_a_remark_configuration_that_checks_the_articles_front_matter_against_the_shipped_schema()
    {
        // A YAML language server does not read a Markdown file's front matter; remark-lint-frontmatter-schema does,
        // from the .remarkrc.json nearest the article, with the schema path and globs relative to that file's folder.
        using var tree = new IssuesTree();
        Directory.CreateDirectory(tree.Path("somewhere", "else"));
        Assert.Equal(0, Cli.Run(tree.Path("somewhere", "else"), "new", "../../vol-1").ExitCode);
        Assert.Equal(0, Cli.Run(tree.Root, "new", "vol-2").ExitCode); // the next volume gets one too
        var shipped = File.ReadAllText(Repo.Path("schemas", "article.schema.json"));
        foreach (var volume in new[] { "vol-1", "vol-2" })
        {
            var folder = tree.Path(volume);
            using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, ".remarkrc.json")));
            var plugins = config.RootElement.GetProperty("plugins");
            Assert.Equal("remark-frontmatter", plugins[0].GetString());
            Assert.Equal("remark-lint-frontmatter-schema", plugins[1][0].GetString());
            var association = Assert.Single(plugins[1][1].GetProperty("schemas").EnumerateObject());
            // The schema it names, seen from the issue folder, is the one shipped beside the binary.
            var schemaPath = Path.GetFullPath(Path.Combine(folder, association.Name));
            Assert.True(File.Exists(schemaPath), schemaPath);
            Assert.Equal(shipped, File.ReadAllText(schemaPath));
            var globs = association.Value.EnumerateArray().Select(g => g.GetString()!).ToList();
            Assert.Equal(["articles/*.md"], globs);
            if (volume == "vol-2") continue; // its articles list is empty, to be filled
            // Every article the manifest lists is matched by a glob, and each article's front matter passes the schema.
            var issue = NewsletterPress.Manifest.IssueLoader.Load(folder);
            Assert.Equal(2, issue.Articles.Length);
            var schema = JsonSchema.FromText(File.ReadAllText(schemaPath));
            // remark-lint-frontmatter-schema validates with Ajv's default class, which knows draft-07 and not 2020-12.
            using (var parsed = JsonDocument.Parse(File.ReadAllText(schemaPath)))
                Assert.Equal("http://json-schema.org/draft-07/schema#", parsed.RootElement.GetProperty("$schema").GetString());
            foreach (var article in issue.Articles)
            {
                var relative = Path.GetRelativePath(folder, article.Path).Replace('\\', '/');
                // (an article directly in articles/, where '*' means the same to minimatch as to .NET's simple expressions)
                Assert.Contains(globs, g => FileSystemName.MatchesSimpleExpression(g, relative));
                var frontMatter = File.ReadAllText(article.Path).Split("---\n")[1];
                var result = SchemaTests.Evaluate(frontMatter, schema);
                Assert.True(result.IsValid, string.Join("\n", SchemaTests.Errors(result)));
                Assert.False(SchemaTests.Evaluate(frontMatter + "kickr: x\n", schema).IsValid); // and the schema is strict
            }
        }
    }

    [Fact]
    public void New_beside_earlier_volumes_continues_the_latest()
    {
        using var tree = new IssuesTree();
        var vol11 = File.ReadAllText(Path.Combine(Repo.Vol11, "issue.yaml"));
        tree.Issue("vol-10", vol11.Replace("volume: 11", "volume: 10").Replace("date: 2022-07-01", "date: 2022-04-01"));
        tree.Issue("vol-11", vol11);
        var r = Cli.Run(tree.Root, "new", "vol-12");
        Assert.True(r.ExitCode == 0, r.StdErr);
        Assert.Contains("Vol.12", r.StdOut);
        var manifest = File.ReadAllText(tree.Path("vol-12", "issue.yaml"));
        Assert.Contains("volume: 12\n", manifest);
        Assert.Contains("date: 2022-10-01\n", manifest); // the quarterly rhythm of vol-10 and vol-11
        Assert.Matches(@"articles: \[\] +# list this volume's articles", manifest);
        Assert.DoesNotContain("world-report", manifest);
        // The rest of the manifest is vol-11's, comments and all.
        var donation = vol11[vol11.IndexOf("donation:", StringComparison.Ordinal)..];
        Assert.EndsWith(donation, manifest);
        Assert.Contains("newsletter: Civil Society Forum\n", manifest);

        // With an article listed it builds.
        File.WriteAllText(tree.Path("vol-12", "articles", "a.md"), "---\ntitle: 第12号\n---\n\n本文。\n");
        File.WriteAllText(tree.Path("vol-12", "issue.yaml"), manifest.Replace("articles: []", "articles: [articles/a.md]"));
        var build = Cli.Run(tree.Root, "build", "vol-12");
        Assert.True(build.ExitCode == 0, build.StdErr);
        Assert.True(File.Exists(tree.Path("out", "civil-society-forum-vol-12.pdf")));
    }

    [Fact]
    public void New_copies_the_font_files_the_latest_style_names()
    {
        using var tree = new IssuesTree();
        var folder = tree.Issue("vol-2", IssueFolder.Manifest("ja", "a.md") + "style:\n  fonts: { gothic: my-gothic.ttf }\n",
            ("a.md", "---\ntitle: T\n---\n\n本文。\n"));
        File.Copy(RepositoryFonts.IpaexGothic.FilePath, Path.Combine(folder, "my-gothic.ttf"));
        Assert.Equal(0, Cli.Run(tree.Root, "new", "vol-3").ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "my-gothic.ttf")), File.ReadAllBytes(tree.Path("vol-3", "my-gothic.ttf")));
        Assert.Contains("volume: 4", File.ReadAllText(tree.Path("vol-3", "issue.yaml")));
    }

    [Fact]
    public void New_refuses_a_folder_that_holds_files()
    {
        using var tree = new IssuesTree();
        var folder = tree.Issue("vol-1", IssueFolder.Manifest("ja", "a.md"));
        var before = IssuesTree.Snapshot(folder);
        var r = Cli.Run(tree.Root, "new", "vol-1");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("already holds files", r.StdErr);
        Assert.Equal(before, IssuesTree.Snapshot(folder));
    }
}
