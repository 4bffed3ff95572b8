namespace NewsletterPress.Tests.Support;

/// <summary>Paths inside the repository, found by walking up to the folder that holds NewsletterPress.sln.</summary>
internal static class Repo
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "NewsletterPress.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No NewsletterPress.sln above {AppContext.BaseDirectory}.");
    });

    public static string Root => RootPath.Value;
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);
    public static string Vol11 => Path("issues", "vol-11");
}
