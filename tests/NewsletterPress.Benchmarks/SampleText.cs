namespace NewsletterPress.Benchmarks;

/// <summary>Paragraphs of a given length for the benchmarks.</summary>
internal static class SampleText
{
    private const string JapaneseSentences =
        "市民社会分野における研究交流を2つの地域的範囲（東アジア地域およびグローバル）でそれぞれ異なる以下の事業を展開し、" +
        "引き続き市民社会の発展を模索する機会創出に取り組む。「国際交流の一環として、海外からの視察団の受け入れを行う。」" +
        "広報活動の一環としてJIVRIホームページの充実を図る（毎月更新）。これまでの会費制を廃止し、一口3,000円の寄附を募ることとする。" +
        "会議は13:00から始まり、参加者は約150人、会場の気温は25℃、出席率は98％だった。東京・大阪・名古屋の三都市で、" +
        "『市民社会と子ども』（仮題）の発刊を予定している。ちょっとしたことでも、ぜひご意見をお寄せください！";

    public static string Japanese(int length)
    {
        var text = "";
        while (text.Length < length) text += JapaneseSentences;
        return text[..length];
    }

    /// <summary>The World Report of vol-11, joined into one paragraph and cut at a word end near <paramref name="length"/>.</summary>
    public static string English(string root, int length)
    {
        var source = File.ReadAllText(Path.Combine(root, "issues", "vol-11", "articles", "world-report.md"));
        var body = source[(source.IndexOf("\n---", 3, StringComparison.Ordinal) + 4)..];
        var text = string.Join(" ", body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        int cut = text.IndexOf(' ', length);
        return cut < 0 ? text : text[..cut];
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NewsletterPress.sln")))
                return dir.FullName;
        throw new InvalidOperationException("run the benchmarks from inside the repository");
    }
}
