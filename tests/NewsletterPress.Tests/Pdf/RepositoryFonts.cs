using NewsletterPress.Shared;
using NewsletterPress.Text.Fonts;

namespace NewsletterPress.Tests.Pdf;

/// <summary>The fonts shipped in the repository's fonts/ folder.</summary>
internal static class RepositoryFonts
{
    public static string Folder => NewsletterPress.Tests.Support.Repo.Path("fonts");

    public static FontRef IpaexMincho => Get("ipaexm.ttf");
    public static FontRef IpaexGothic => Get("ipaexg.ttf");
    public static FontRef NotoSerif => Get("NotoSerif-Regular.ttf");
    public static FontRef NotoSansBold => Get("NotoSans-Bold.ttf");

    public static FontRef Get(string fileName)
    {
        var path = Path.Combine(Folder, fileName);
        Assert.True(File.Exists(path), $"Font {path} is missing from the repository.");
        return new FontRef(path, FontFiles.Read(path));
    }
}
