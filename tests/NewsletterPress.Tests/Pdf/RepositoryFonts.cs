using NewsletterPress.Display;

namespace NewsletterPress.Tests.Pdf;

/// <summary>Finds the repository's fonts/ folder by walking up to the folder that holds NewsletterPress.sln.</summary>
internal static class RepositoryFonts
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Folder => Path.Combine(Root.Value, "fonts");

    public static FontRef IpaexMincho => Get("ipaexm.ttf");
    public static FontRef IpaexGothic => Get("ipaexg.ttf");
    public static FontRef NotoSerif => Get("NotoSerif-Regular.ttf");
    public static FontRef NotoSansBold => Get("NotoSans-Bold.ttf");

    public static FontRef Get(string fileName)
    {
        var path = Path.Combine(Folder, fileName);
        Assert.True(File.Exists(path), $"Font {path} is missing from the repository.");
        return new FontRef(path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsletterPress.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No NewsletterPress.sln above {AppContext.BaseDirectory}.");
    }
}
