using System.Text;
using CsCheck;
using NewsletterPress.Diagnostics;
using NewsletterPress.Rendering.Pdf;
using NewsletterPress.Tests.Pdf;
using NewsletterPress.Tests.Support;
using SkiaSharp;

namespace NewsletterPress.Tests.Reliability;

/// <summary>
/// Fuzzing (issue #11): manifests and Markdown mutated by byte flips, truncation, duplication, deep
/// nesting and hostile snippets; damaged images and fonts; malformed PDFs for check --pdf. Every
/// case must end within a bound with a PDF or an input error (exit 0 or 1), never another exception
/// (exit 3). The run is deterministic: a fixed CsCheck seed drives the generators. CI runs a few
/// dozen cases per family; set NEWSLETTERPRESS_FUZZ_ITER (and NEWSLETTERPRESS_FUZZ_SEED) for a
/// longer run, as the README says.
/// </summary>
public class FuzzTests
{
    private const string DefaultSeed = "0000001dg897";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private static string Seed => Environment.GetEnvironmentVariable("NEWSLETTERPRESS_FUZZ_SEED") ?? DefaultSeed;

    private static int Iterations(int ci) =>
        int.TryParse(Environment.GetEnvironmentVariable("NEWSLETTERPRESS_FUZZ_ITER"), out var n) && n > 0 ? n : ci;

    /// <summary>One change to a file's bytes.</summary>
    private sealed record Mutation(int Kind, double At, int Length, int Choice)
    {
        private static readonly string[] Snippets =
        [
            "\u0007", "\t", "\r", "\n\n", "---\n", "&#0;", "&#x7;", "&#x1F600;", "](javascript:alert(1))", "{width=NaN%}", "{width=1e999%}",
            "[^1]", "[^1]: note\n", "|a|b|\n|-|-|\n|1|2|\n", "![x](../images/p.png)", "![x](/etc/passwd)", "![x](../../x.png)",
            "![x](../images/p.png){.span}", " {.fields}", "日時：明日\n", ": ", "{", "}", "[", "]", "\"", "'", "\\0", "\\a",
            "&a x", "*a", "!!binary AAAA", "<<: *a", "~", "- ", "> ", "## ", "```\n", "<b>", "\u00AD", "\uFEFF", "\U0001F600", "。」",
            "9999999999999999999999mm", "0pt", "-1", ".inf", ".nan", "NaN", "1e308",
        ];

        private static readonly string[] Nesting = ["> ", "- ", "[", "*", "1. ", "{"];

        public byte[] ApplyTo(byte[] input)
        {
            int at = Math.Clamp((int)(At * input.Length), 0, input.Length);
            var bytes = input.ToList();
            switch (Kind)
            {
                case 0 when bytes.Count > 0:
                    var i = Math.Min(at, bytes.Count - 1);
                    bytes[i] ^= (byte)(1 << (Choice % 8));
                    break;
                case 1:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 2:
                    var slice = bytes.Skip(at).Take(Length).ToList();
                    bytes.InsertRange(Math.Min(at + slice.Count, bytes.Count), slice);
                    break;
                case 3:
                    var nest = string.Concat(Enumerable.Repeat(Nesting[Choice % Nesting.Length], 10 + Choice % 150)) + "x\n";
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes("\n" + nest));
                    break;
                case 4:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Snippets[Choice % Snippets.Length]));
                    break;
                default:
                    bytes.InsertRange(at, new[] { (byte)(Choice % 256), (byte)(Length % 256) });
                    break;
            }
            return [.. bytes];
        }
    }

    private static readonly Gen<Mutation> OneMutation =
        Gen.Select(Gen.Int[0, 5], Gen.Double[0, 1], Gen.Int[1, 200], Gen.Int[0, 10_000], (k, a, l, c) => new Mutation(k, a, l, c));

    private static readonly Gen<Mutation[]> Mutations = OneMutation.Array[1, 4];

    /// <summary>Runs <paramref name="iterations"/> cases drawn from <paramref name="gen"/> with the fixed seed, one after another.</summary>
    private static void Fuzz<T>(Gen<T> gen, int iterations, Action<int, T> check)
    {
        var pcg = PCG.Parse(Seed);
        for (int i = 0; i < iterations; i++)
        {
            var value = gen.Generate(pcg, null, out _);
            check(i, value);
        }
    }

    /// <summary>Runs one case within the bound; only a PDF or an input error is an acceptable end.</summary>
    private static void Within(int iteration, string what, Action build)
    {
        var task = Task.Run(() =>
        {
            try { build(); }
            catch (InputException) { }
            catch (PdfWriterException) { }
        });
        try
        {
            Assert.True(task.Wait(Bound), $"seed {Seed}, case {iteration}: {what} did not finish in {Bound.TotalSeconds:0} s");
        }
        catch (AggregateException e)
        {
            Assert.Fail($"seed {Seed}, case {iteration}: {what} ended in {e.InnerException!.GetType().Name} (exit 3): {e.InnerException.Message}\n{e.InnerException.StackTrace}");
        }
    }

    private const string SeedManifest =
        "newsletter: Fuzz Letter\nvolume: 7\ndate: 2024-05-01\npublisher: Tester\nlanguage: ja\n" +
        "contents: { title: CONTENTS, placement: cover }\narticles:\n  - path: articles/a.md\n    start: continue\n  - articles/b.md\n" +
        "donation:\n  lead: ご支援ください。\n  options: [寄附 一口 3,000円]\n  details:\n    - 口座番号: 4569420\n" +
        "style:\n  body: { size: 9.5pt, leading: 16.5pt }\n  accent: { cmyk: [100, 40, 0, 20], rgb: \"#00598f\" }\n";

    private const string SeedArticle =
        "---\ntitle: 市民社会の発展\nkicker: Report 1\nauthor: 山田\nlang: ja\n---\n\n" +
        "市民社会分野における研究交流を展開し、引き続き市民社会の発展を模索する。[^1] Since 2020, **COVID-19** changed *everything*.\n\n" +
        "## 見出し\n\n- 一つ目\n- 二つ目\n  - 入れ子\n\n> 引用です。\n\n| 項目 | 金額 |\n|---|---:|\n| 会費 | 3,000円 |\n\n" +
        "![港の写真](../images/p.png){width=50%}\n\n日時：2022年11月18日\n場所：東京 {.fields}\n\nSee <https://example.org> or info@example.org.\n\n" +
        "[^1]: 短い注です。\n";

    private const string SecondArticle = "---\ntitle: English Notes\nlang: en\n---\n\nA short English article with a hyphenation-worthy internationalization.\n";

    [Fact]
    public void Mutated_manifests_and_articles_build_or_fail_with_an_input_error()
    {
        var gen = Gen.Select(Gen.Bool, Mutations);
        Fuzz(gen, Iterations(60), (i, c) =>
        {
            var (mutateManifest, mutations) = c;
            var manifest = Encoding.UTF8.GetBytes(SeedManifest);
            var article = Encoding.UTF8.GetBytes(SeedArticle);
            foreach (var m in mutations)
                if (mutateManifest) manifest = m.ApplyTo(manifest);
                else article = m.ApplyTo(article);
            using var folder = new IssueFolder("", ("b.md", SecondArticle));
            File.WriteAllBytes(Path.Combine(folder.Path, "issue.yaml"), manifest);
            File.WriteAllBytes(Path.Combine(folder.Path, "articles", "a.md"), article);
            Directory.CreateDirectory(Path.Combine(folder.Path, "images"));
            TestImages.Png(Path.Combine(folder.Path, "images", "p.png"), 60, 40, SKColors.SeaGreen);
            Within(i, (mutateManifest ? "the manifest " : "the article ") + string.Join(", ", mutations.Select(m => m.ToString())),
                () => IssueBuild.ToPdf(folder.Path, folder.Output("x.pdf")));
        });
    }

    [Fact]
    public void Damaged_images_and_fonts_build_or_fail_with_an_input_error()
    {
        using var seeds = new TempFolder();
        var png = File.ReadAllBytes(TestImages.Png(seeds.File("p.png"), 80, 60, SKColors.Coral, transparentRight: true));
        var jpeg = File.ReadAllBytes(TestImages.Jpeg(seeds.File("p.jpg"), 80, 60, SKColors.Navy));
        var font = File.ReadAllBytes(Repo.Path("fonts", "NotoSans-Regular.ttf"));
        var gen = Gen.Select(Gen.Int[0, 2], Mutations);
        Fuzz(gen, Iterations(40), (i, c) =>
        {
            var (which, mutations) = c;
            var seed = which switch { 0 => png, 1 => jpeg, _ => font };
            var bytes = mutations.Aggregate(seed, (b, m) => m.ApplyTo(b));
            var name = which switch { 0 => "p.png", 1 => "p.jpg", _ => "f.ttf" };
            using var folder = new IssueFolder(IssueFolder.Manifest("ja", "a.md") + (which == 2 ? "style:\n  fonts: { serif: f.ttf, sans: f.ttf }\n" : ""),
                ("a.md", "---\ntitle: Fonts and Images\n---\n\nHello, office AVATAR 本文。\n\n" + (which < 2 ? $"![絵](../images/{name})\n" : "")));
            Directory.CreateDirectory(Path.Combine(folder.Path, "images"));
            File.WriteAllBytes(which < 2 ? Path.Combine(folder.Path, "images", name) : Path.Combine(folder.Path, name), bytes);
            Within(i, $"{name} " + string.Join(", ", mutations.Select(m => m.ToString())),
                () => IssueBuild.ToPdf(folder.Path, folder.Output("x.pdf"), PdfWriterOptions.Default with { Profile = PdfProfile.Print }));
        });
    }

    [Fact]
    public void Malformed_pdfs_are_checked_or_refused_by_check_pdf()
    {
        using var work = new TempFolder();
        using var issue = new IssueFolder(IssueFolder.Manifest("ja", "a.md"), ("a.md", "---\ntitle: T\n---\n\n本文。 Latin text.\n"));
        var built = IssueBuild.ToPdf(issue.Path, work.File("seed.pdf"), PdfWriterOptions.Default with { Compress = false });
        var seeds = new[]
        {
            File.ReadAllBytes(built.OutputPath),
            HostileFiles.Pdf(HostileFiles.Catalog, HostileFiles.OnePage, HostileFiles.Page, "<< /Length 5 >>\nstream\nBT ET\nendstream"),
        };
        var gen = Gen.Select(Gen.Int[0, seeds.Length - 1], Mutations);
        Fuzz(gen, Iterations(30), (i, c) =>
        {
            var (which, mutations) = c;
            var pdf = work.File($"case-{i}.pdf");
            File.WriteAllBytes(pdf, mutations.Aggregate(seeds[which], (b, m) => m.ApplyTo(b)));
            var r = Cli.RunWithin(Bound, new Dictionary<string, string>(), work.Path, "check", "--pdf", pdf);
            Assert.True(r.ExitCode is 0 or 1,
                $"seed {Seed}, case {i}: check --pdf exited {r.ExitCode} on seed PDF {which} with {string.Join(", ", mutations.Select(m => m.ToString()))}: {r.StdErr}");
            Assert.DoesNotContain("   at ", r.StdErr);
            File.Delete(pdf);
        });
    }
}
