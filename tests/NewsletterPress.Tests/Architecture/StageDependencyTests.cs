using System.Text.RegularExpressions;

namespace NewsletterPress.Tests.Architecture;

/// <summary>
/// The arrows of architecture.md, read from the compiled code: each stage namespace (with the namespaces below it)
/// uses only the namespaces listed for it. A stage never reaches a later stage; only IssueBuild wires them all.
/// </summary>
public sealed partial class StageDependencyTests
{
    private const string Shared = "NewsletterPress.Shared", Diagnostics = "NewsletterPress.Diagnostics", Files = "NewsletterPress.Files",
        Manifest = "NewsletterPress.Manifest", Content = "NewsletterPress.Content", Text = "NewsletterPress.Text",
        Layout = "NewsletterPress.Layout", Display = "NewsletterPress.Display", Pdf = "NewsletterPress.Rendering.Pdf",
        Proof = "NewsletterPress.Rendering.Proof", Preflight = "NewsletterPress.Preflight", Archive = "NewsletterPress.Archive",
        Scaffold = "NewsletterPress.Scaffold", Watch = "NewsletterPress.Watch", Site = "NewsletterPress.Site", Wiring = "NewsletterPress",
        Cli = "the command line";

    /// <summary>For each stage, the other namespaces its code may use. Pipeline order: Manifest → Content → Text →
    /// Layout → Display → Rendering/Pdf, Rendering/Proof, Preflight.</summary>
    private static readonly Dictionary<string, string[]> MayUse = new()
    {
        [Shared] = [],
        [Diagnostics] = [],
        [Files] = [Diagnostics],
        [Manifest] = [Shared, Diagnostics, Files],
        [Content] = [Shared, Diagnostics, Files, Manifest],
        [Text] = [Shared, Diagnostics, Files, Manifest],
        [Layout] = [Shared, Diagnostics, Manifest, Content, Text, Display],
        [Display] = [Shared],
        [Pdf] = [Shared, Diagnostics, Files, Display],
        [Proof] = [Shared, Diagnostics, Files, Display],
        [Preflight] = [Shared, Diagnostics, Files, Layout, Display, Pdf],
        // The archive's sources: what the manifest and the articles name, the fonts the build opened (as attachments of
        // the display list's document), and the attachments read back through the preflight's guarded PDF reader.
        [Archive] = [Shared, Diagnostics, Files, Manifest, Content, Display, Preflight],
        // Around the pipeline: new issues are written from the manifest's model; a folder is watched through Files.
        [Scaffold] = [Shared, Diagnostics, Files, Manifest],
        [Watch] = [Shared, Diagnostics, Files, Manifest],
        // The website of the archive: pages written from the manifest's and the content's models (the same document the
        // PDF is set from); the volumes themselves are built, and their covers rendered, by the wiring.
        [Site] = [Shared, Diagnostics, Files, Manifest, Content],
        [Wiring] = [Shared, Diagnostics, Files, Manifest, Content, Text, Layout, Display, Pdf, Proof, Preflight, Archive, Site],
        [Cli] = [Wiring, Diagnostics, Files, Manifest, Text, Display, Pdf, Proof, Preflight, Archive, Scaffold, Watch],
    };

    [Fact]
    public void Each_stage_uses_only_the_namespaces_listed_for_it()
    {
        var wrong = Violations(typeof(NewsletterPress.IssueBuild).Assembly.Location, cli: false)
            .Concat(Violations(Path.Combine(AppContext.BaseDirectory, "newsletterpress.dll"), cli: true))
            .ToList();
        Assert.True(wrong.Count == 0, "references against the arrows of architecture.md:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Every_namespace_of_the_tool_belongs_to_a_stage()
    {
        var namespaces = typeof(NewsletterPress.IssueBuild).Assembly.GetTypes().Select(t => t.Namespace)
            .Where(n => n is not null && IsOurs(n)).Distinct();
        Assert.All(namespaces, n => Assert.True(StageOf(n!) is not null, $"{n} belongs to no stage of StageDependencyTests"));
    }

    /// <summary>Constants and enum values leave no reference in the compiled code, so the sources' <c>using</c> lines are
    /// read too: a file may import only what its stage may use.</summary>
    [Fact]
    public void No_source_file_imports_a_namespace_its_stage_may_not_use()
    {
        var wrong = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Support.Repo.Path("src"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var lines = File.ReadAllLines(file);
            bool cli = file.Contains("NewsletterPress.Cli", StringComparison.Ordinal);
            var ns = lines.Select(l => NamespaceLine().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value;
            var from = cli ? Cli : ns is null ? null : StageOf(ns);
            if (from is null) continue;
            foreach (var line in lines)
            {
                var used = UsingLine().Match(line);
                if (!used.Success || !IsOurs(used.Groups[1].Value)) continue;
                var to = StageOf(used.Groups[1].Value);
                if (to != from && (to is null || !MayUse[from].Contains(to)))
                    wrong.Add($"{Path.GetRelativePath(Support.Repo.Root, file)} ({from}): {line.Trim()}");
            }
        }
        Assert.True(wrong.Count == 0, "using lines against the arrows of architecture.md:\n" + string.Join("\n", wrong));
    }

    /// <summary>Text owns the font files: only it opens one (its cache, Text.Fonts.FontFiles, makes the one
    /// <see cref="Shared.FontData"/> of each file). The stages after it read a font through the display list's
    /// <see cref="Shared.FontRef"/>, which carries those bytes: no type outside Text makes font data or opens a font
    /// file with HarfBuzz, and no type of the PDF writer that handles fonts touches the file system.</summary>
    [Fact]
    public void Only_the_text_stage_opens_font_files_and_the_pdf_writer_reads_fonts_from_the_display_list()
    {
        var wrong = new List<string>();
        foreach (var (type, calls) in TypeReferences.MethodsCalled(typeof(NewsletterPress.IssueBuild).Assembly.Location))
        {
            var stage = StageOf(TypeReferences.NamespaceOf(type));
            if (stage is null or Text) continue;
            wrong.AddRange(calls.Where(m => (m.DeclaringType.FullName, m.Name) is ("NewsletterPress.Shared.FontData", ".ctor") or ("HarfBuzzSharp.Blob", "FromFile"))
                .Select(m => $"{type.FullName} ({stage}) calls {m.DeclaringType.FullName}.{m.Name}"));
        }
        var fontTypes = 0;
        foreach (var (type, references) in TypeReferences.Of(typeof(NewsletterPress.IssueBuild).Assembly.Location))
        {
            if (StageOf(TypeReferences.NamespaceOf(type)) != Pdf || !references.Any(r => r.FullName is "NewsletterPress.Shared.FontRef" or "HarfBuzzSharp.Face"))
                continue;
            fontTypes++;
            wrong.AddRange(references.Where(r => r.Namespace is "System.IO" or "System.IO.MemoryMappedFiles" && r.Name is "File" or "FileInfo" or "FileStream"
                    or "Directory" or "DirectoryInfo" or "MemoryMappedFile")
                .Select(r => $"{type.FullName} (the PDF writer's font code) uses {r.FullName}"));
        }
        Assert.True(fontTypes >= 3, $"only {fontTypes} types of the PDF writer handle fonts: the test no longer finds them");
        Assert.True(wrong.Count == 0, "font files opened outside the Text stage:\n" + string.Join("\n", wrong));
    }

    /// <summary>"Type (stage) uses Referenced (stage)" for every reference of the assembly that its stage may not make.</summary>
    internal static IEnumerable<string> Violations(string assemblyPath, bool cli)
    {
        foreach (var (type, references) in TypeReferences.Of(assemblyPath))
        {
            var from = cli ? Cli : StageOf(TypeReferences.NamespaceOf(type));
            if (from is null) continue; // compiler-generated helpers outside our namespaces
            foreach (var reference in references)
            {
                var ns = TypeReferences.NamespaceOf(reference);
                if (!IsOurs(ns)) continue;
                var to = StageOf(ns);
                if (to == from || (to is not null && MayUse[from].Contains(to))) continue;
                yield return $"{type.FullName} ({from}) uses {reference.FullName} ({to ?? "no stage"})";
            }
        }
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;")]
    private static partial Regex NamespaceLine();

    /// <summary>using N; using static N.Type; using Alias = N.Type; (a type's name maps to its namespace's stage).</summary>
    [GeneratedRegex(@"^using\s+(?:static\s+)?(?:\w+\s*=\s*)?(NewsletterPress[\w.]*)\s*;")]
    private static partial Regex UsingLine();

    private static bool IsOurs(string ns) => ns == Wiring || ns.StartsWith(Wiring + ".", StringComparison.Ordinal);

    /// <summary>The stage a namespace belongs to: the longest stage name it is or lies below.</summary>
    private static string? StageOf(string ns) =>
        MayUse.Keys.Where(stage => stage != Cli && (ns == stage || (stage != Wiring && ns.StartsWith(stage + ".", StringComparison.Ordinal))))
            .MaxBy(stage => stage.Length);
}
