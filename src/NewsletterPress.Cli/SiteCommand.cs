using System.CommandLine;
using NewsletterPress;

/// <summary><c>newsletterpress site ARCHIVE-ROOT --out DIR</c>: the static website of every volume under ARCHIVE-ROOT/issues/vol-*/.</summary>
internal static class SiteCommand
{
    public static Command Create(Func<Func<int>, int> run)
    {
        var root = new Argument<DirectoryInfo>("archive-root")
        {
            Description = "The folder that holds issues/vol-*/ (default: the current folder)",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => new DirectoryInfo("."),
        };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The site's folder", Required = true };
        var baseUrl = new Option<string?>("--base-url") { Description = "Where the site is served: a path (/archive/) or a full address (https://example.org/archive/), for the feed and the sitemap" };
        var pagefind = new Option<FileInfo?>("--pagefind") { Description = "The Pagefind program that indexes the search (default: pagefind_extended or pagefind on the PATH, or node_modules/.bin/pagefind)" };
        var noSearch = new Option<bool>("--no-search") { Description = "Write the site without the search index" };
        var command = new Command("site", "Build every volume of an archive that changed and write a static website: index, volumes, articles, authors, search, feed")
        {
            root, output, baseUrl, pagefind, noSearch,
        };
        command.SetAction(parse => run(() =>
        {
            var result = SiteBuild.Build(parse.GetValue(root)!.FullName, parse.GetValue(output)!.FullName,
                new SiteOptions(parse.GetValue(baseUrl), parse.GetValue(pagefind)?.FullName, !parse.GetValue(noSearch), Console.Error));
            foreach (var w in result.Warnings) Console.Error.WriteLine(w);
            if (parse.GetValue(baseUrl) is not { } url || !url.Contains("://", StringComparison.Ordinal))
                Console.Error.WriteLine("note: without a full --base-url (https://…) the feed and the sitemap carry paths, not addresses");
            Console.WriteLine($"wrote the site of {result.Volumes.Count} {(result.Volumes.Count == 1 ? "volume" : "volumes")} to {Path.GetRelativePath(Directory.GetCurrentDirectory(), result.Folder)}: " +
                $"{result.Built.Count} built, {result.Unchanged.Count} unchanged{(result.Searchable ? "" : ", no search index")}");
            return 0;
        }));
        return command;
    }
}
