namespace NewsletterPress.Site;

/// <summary>The words of the site's own furniture (navigation, headings, downloads) in the archive's language:
/// Japanese for a Japanese newsletter, English otherwise.</summary>
internal sealed record Labels(string Volumes, string Authors, string Search, string SearchPlaceholder,
    string Downloads, string Screen, string Print, string Archive, string Cover, string Page, string Feed, string ArticlesBy)
{
    private static readonly Labels Japanese = new("バックナンバー", "執筆者", "検索", "全号から探す", "PDF ダウンロード",
        "画面用", "印刷用（PDF/X-4）", "保存用（PDF/A-3、原稿つき）", "表紙", "p.", "Atom フィード", "執筆記事");

    private static readonly Labels English = new("Back issues", "Authors", "Search", "Search every volume", "Download the PDF",
        "for reading on screen", "for print (PDF/X-4)", "for the archive (PDF/A-3, with its sources)", "cover", "p.", "Atom feed",
        "Articles");

    public static Labels For(string language) => language.StartsWith("ja", StringComparison.Ordinal) ? Japanese : English;

    /// <summary>What a download is for, by profile.</summary>
    public string ProfileName(string profile) => profile switch
    {
        "print" => Print,
        "archive" => Archive,
        _ => Screen,
    };
}
