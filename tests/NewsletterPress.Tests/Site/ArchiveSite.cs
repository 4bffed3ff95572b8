using NewsletterPress.Tests.Pdf;
using NewsletterPress.Tests.Support;
using SkiaSharp;

namespace NewsletterPress.Tests.Site;

/// <summary>
/// An archive of three volumes, built once into a site by the real command line with the real Pagefind: vol-11 as
/// it is, and two volumes written here. Vol.12 (2023) has a Japanese article about 寄附 and an English one by vol-11's
/// Prof. Huang; Vol.13 (2024) an English article by vol-11's CEAS author, with a photo, a table, a footnote and raw
/// HTML, and no 寄附 nor Tajikistan.
/// </summary>
public sealed class ArchiveSite : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "np-archive-" + Guid.NewGuid().ToString("N"));

    public string Folder => Path.Combine(Root, "site");

    public Cli.Result Result { get; }

    public const string DonationArticle = "寄附のご報告";

    public ArchiveSite()
    {
        var vol11 = Path.Combine(Root, "issues", "vol-11");
        foreach (var file in Directory.EnumerateFiles(Repo.Vol11, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(vol11, Path.GetRelativePath(Repo.Vol11, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        WriteVolume(12, "2023-01-15",
            ("donation-report.md", $"---\ntitle: {DonationArticle}\nauthor: 山田 花子\nlang: ja\n---\n\n" +
                "2022年度にお寄せいただいた寄附は、合計で百二十万円になりました。皆様のご支援に心から感謝いたします[^1]。\n\n" +
                "| 用途 | 金額 |\n|---|---:|\n| 子ども支援 | 80万円 |\n| 機関誌の発行 | 40万円 |\n\n" +
                "[^1]: 寄附の内訳は総会で報告しました。\n"),
            ("huang-letter.md", "---\ntitle: A Letter from Beijing\nauthor: Prof. Huang Haoming\nlang: en\n---\n\n" +
                "Chinese NGOs have kept working with their partners abroad through the second year of the pandemic.\n"));
        WriteVolume(13, "2024-04-01",
            ("field-notes.md", "---\ntitle: Field Notes from the Spring Market\nauthor: \"Shamsiddin Karimov, Ph.D.\"\nlang: en\n---\n\n" +
                "Volunteers ran a stall at the spring market and talked with more than two hundred visitors.[^1]\n\n" +
                "![Volunteers at the spring market](../images/market.png){width=60%}\n\n" +
                "<script>alert('raw')</script>\n\n" +
                "The day closed with <b onclick=\"steal()\">music</b> and tea.\n\n" +
                "| Hour | Visitors |\n|---|---:|\n| Morning | 120 |\n| Afternoon | 95 |\n\n" +
                "[^1]: Counted at the stall.\n"));
        TestImages.Png(Path.Combine(Root, "issues", "vol-13", "images", "market.png"), 600, 400, SKColors.SteelBlue);
        Result = Cli.Run(Root, "site", Root, "--out", Folder, "--pagefind", Pagefind.Executable);
    }

    private void WriteVolume(int number, string date, params (string Name, string Text)[] articles)
    {
        var folder = Path.Combine(Root, "issues", $"vol-{number}");
        Directory.CreateDirectory(Path.Combine(folder, "articles"));
        Directory.CreateDirectory(Path.Combine(folder, "images"));
        File.WriteAllText(Path.Combine(folder, "issue.yaml"),
            $"newsletter: Civil Society Forum\nvolume: {number}\ndate: {date}\npublisher: JIVRI\nlanguage: ja\narticles:\n"
            + string.Concat(articles.Select(a => $"  - articles/{a.Name}\n")));
        foreach (var (name, text) in articles) File.WriteAllText(Path.Combine(folder, "articles", name), text);
    }

    /// <summary>A page of the site by its path ("vol-11/ceas/"), as text.</summary>
    public string Page(string path) => File.ReadAllText(Path.Combine(Folder, path, "index.html"));

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
