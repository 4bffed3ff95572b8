using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NewsletterPress.Shared;

namespace NewsletterPress.Site;

/// <summary>
/// The site's cache, kept in the site's folder as .newsletterpress/volumes/vol-N.json: each volume's record with the
/// hash of the sources it was built from. A volume whose folder hashes the same, whose record the tool's version
/// wrote and whose files are all still there is not built again.
/// </summary>
internal static class SiteCache
{
    public const string Folder = ".newsletterpress";

    /// <summary>The SHA-256 of the tool's version and of every file in the issue folder (name and bytes), hidden
    /// files and editor backups aside: the sources a build of the volume can read. Fonts found outside the folder
    /// (the bundled ones, the system's) belong to the tool's version and the machine.</summary>
    public static string SourceHash(string issueFolder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(ToolVersion.Producer + "\0"));
        var files = Directory.EnumerateFiles(issueFolder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden })
            .Select(f => Path.GetRelativePath(issueFolder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.Split('/').Any(part => part.StartsWith('.') || part.EndsWith('~')))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\0"));
            using var stream = File.OpenRead(Path.Combine(issueFolder, file));
            hash.AppendData(SHA256.HashData(stream));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static string RecordPath(string siteFolder, string volumeName) => Path.Combine(siteFolder, Folder, "volumes", volumeName + ".json");

    /// <summary>The record of a volume built before, or null when there is none or it cannot be read.</summary>
    public static SiteVolume? Read(string siteFolder, string volumeName)
    {
        var path = RecordPath(siteFolder, volumeName);
        if (!File.Exists(path)) return null;
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            var v = json.RootElement;
            return new SiteVolume(S(v, "name"), S(v, "newsletter"), v.GetProperty("number").GetInt32(),
                DateOnly.ParseExact(S(v, "date"), "yyyy-MM-dd", CultureInfo.InvariantCulture), S(v, "publisher"), S(v, "language"),
                S(v, "contents-title"),
                [.. v.GetProperty("articles").EnumerateArray().Select(a => new SiteArticle(S(a, "slug"), S(a, "title"), N(a, "kicker"),
                    N(a, "author"), N(a, "author-slug"), N(a, "affiliation"), S(a, "lang"), a.GetProperty("first-page").GetInt32(),
                    S(a, "contents-line"), S(a, "summary")))],
                [.. v.GetProperty("downloads").EnumerateArray().Select(d => new SiteDownload(S(d, "profile"), S(d, "file"), d.GetProperty("bytes").GetInt64()))],
                v.GetProperty("pages").GetInt32(), S(v, "source-hash"));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null; // a record from another version of the tool, or a damaged one: the volume is built again
        }
    }

    public static void Write(string siteFolder, SiteVolume volume)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteString("name", volume.Name);
            json.WriteString("newsletter", volume.Newsletter);
            json.WriteNumber("number", volume.Number);
            json.WriteString("date", Dates.Iso(volume.Date));
            json.WriteString("publisher", volume.Publisher);
            json.WriteString("language", volume.Language);
            json.WriteString("contents-title", volume.ContentsTitle);
            json.WriteNumber("pages", volume.Pages);
            json.WriteString("source-hash", volume.SourceHash);
            json.WriteStartArray("articles");
            foreach (var a in volume.Articles)
            {
                json.WriteStartObject();
                json.WriteString("slug", a.Slug);
                json.WriteString("title", a.Title);
                json.WriteString("kicker", a.Kicker);
                json.WriteString("author", a.Author);
                json.WriteString("author-slug", a.AuthorSlug);
                json.WriteString("affiliation", a.Affiliation);
                json.WriteString("lang", a.Lang);
                json.WriteNumber("first-page", a.FirstPage);
                json.WriteString("contents-line", a.ContentsLine);
                json.WriteString("summary", a.Summary);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("downloads");
            foreach (var d in volume.Downloads)
            {
                json.WriteStartObject();
                json.WriteString("profile", d.Profile);
                json.WriteString("file", d.FileName);
                json.WriteNumber("bytes", d.Bytes);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        SiteFiles.Write(RecordPath(siteFolder, volume.Name), buffer.ToArray());
    }

    /// <summary>Whether everything a volume's record promises is in the site's folder: its pages, cover and PDFs.</summary>
    public static bool Complete(string siteFolder, SiteVolume volume) =>
        File.Exists(Addresses.FileOf(siteFolder, Addresses.Volume(volume)))
        && File.Exists(Path.Combine(siteFolder, volume.Name, Addresses.CoverFile))
        && volume.Downloads.All(d => File.Exists(Path.Combine(siteFolder, volume.Name, d.FileName)))
        && volume.Articles.All(a => File.Exists(Addresses.FileOf(siteFolder, Addresses.Article(volume, a))));

    private static string S(JsonElement e, string name) => e.GetProperty(name).GetString() ?? throw new FormatException(name);

    private static string? N(JsonElement e, string name) => e.GetProperty(name).GetString();
}

/// <summary>Files of the site written whole: into a temporary file first, then renamed into place, so that a reader of
/// the site (or a run that is stopped) never sees half a page.</summary>
internal static class SiteFiles
{
    public static void Write(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = Files.TemporaryFiles.For(path);
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }

    public static void Write(string path, string text) => Write(path, Encoding.UTF8.GetBytes(text));
}
