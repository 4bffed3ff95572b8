namespace NewsletterPress.Site;

/// <summary>The site's stable paths below its root, in one place: /vol-11/, /vol-11/world-report/, /authors/…/.
/// A page's file is its path plus index.html.</summary>
internal static class Addresses
{
    public static string Volume(SiteVolume volume) => volume.Name + "/";

    public static string Article(SiteVolume volume, SiteArticle article) => $"{volume.Name}/{article.Slug}/";

    public static string Cover(SiteVolume volume) => volume.Name + "/" + CoverFile;

    public static string Author(string slug) => $"authors/{slug}/";

    public const string CoverFile = "cover.png";

    /// <summary>The file of a page at <paramref name="path"/> ("vol-11/" → vol-11/index.html) inside the site's folder.</summary>
    public static string FileOf(string siteFolder, string path) =>
        Path.Combine(siteFolder, path.Replace('/', Path.DirectorySeparatorChar), "index.html");
}
