using NewsletterPress.Manifest;
using NewsletterPress.Tests.Support;
using NewsletterPress.Text;

namespace NewsletterPress.Tests.Text;

/// <summary>A paragraph setter on the repository's default fonts, and sample paragraphs to set.</summary>
public sealed class TextSetting : IDisposable
{
    private readonly FontLibrary _fonts = new(Style.Default.Fonts, Repo.Root);

    public ParagraphSetter Setter { get; }

    public FontLibrary Fonts => _fonts;

    public TextSetting() => Setter = new ParagraphSetter(_fonts);

    public IReadOnlyList<TextLine> Set(string text, double size, ParagraphFormat format) =>
        Setter.Set([new TextRun(text, new TextStyle(FaceFamily.Serif, size))], format);

    public void Dispose() => _fonts.Dispose();

    /// <summary>A Japanese paragraph of more than 1,000 characters with every kind of punctuation, Latin words and numbers.</summary>
    public static string LongJapaneseParagraph()
    {
        const string Sentences =
            "市民社会分野における研究交流を2つの地域的範囲（東アジア地域およびグローバル）でそれぞれ異なる以下の事業を展開し、" +
            "引き続き市民社会の発展を模索する機会創出に取り組む。「国際交流の一環として、海外からの視察団の受け入れを行う。」" +
            "広報活動の一環としてJIVRIホームページの充実を図る（毎月更新）。これまでの会費制を廃止し、一口3,000円の寄附を募ることとする。" +
            "会議は13:00から始まり、参加者は約150人、会場の気温は25℃、出席率は98％だった。「それは、ほんとうに——」と彼は言った……。" +
            "Center for European and Asian Studies（Tajikistan）との連携協力を行う。東京・大阪・名古屋の三都市で、" +
            "『市民社会と子ども』（仮題）の発刊を予定している。ちょっとしたことでも、ぜひご意見をお寄せください！";
        var text = "";
        while (text.Length < 1000) text += Sentences;
        return text;
    }

    /// <summary>The paragraphs of the World Report article (English), read from the issue in the repository.</summary>
    public static IReadOnlyList<string> WorldReportParagraphs() => Paragraphs(Repo.Path("issues", "vol-11", "articles", "world-report.md"));

    /// <summary>The plain paragraphs of vol-11's plan for 2022 (Japanese).</summary>
    public static IReadOnlyList<string> JapaneseParagraphs() => Paragraphs(Repo.Path("issues", "vol-11", "articles", "plan-2022.md"));

    /// <summary>The plain paragraphs of the long-article sample (English, eight pages), lines joined.</summary>
    public static IReadOnlyList<string> LongEnglishParagraphs() =>
        Paragraphs(Repo.Path("samples", "long-article", "articles", "water-history.md"));

    /// <summary>An article's plain paragraphs: no headings, lists, quotes, tables or figures; soft line breaks become spaces.</summary>
    private static List<string> Paragraphs(string file)
    {
        var source = File.ReadAllText(file);
        var body = source[(source.IndexOf("\n---", 3, StringComparison.Ordinal) + 4)..];
        return body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => p.Length > 0 && !"#->|!".Contains(p[0], StringComparison.Ordinal))
            .Select(p => p.Replace('\n', ' ').Replace("*", "", StringComparison.Ordinal)).ToList();
    }
}
