using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
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
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), SiteCacheJsonContext.Default.SiteVolume);
        }
        catch (JsonException)
        {
            return null; // a record from another version of the tool, or a damaged one: the volume is built again
        }
    }

    public static void Write(string siteFolder, SiteVolume volume) =>
        SiteFiles.Write(RecordPath(siteFolder, volume.Name), JsonSerializer.SerializeToUtf8Bytes(volume, SiteCacheJsonContext.Default.SiteVolume));

    /// <summary>Whether everything a volume's record promises is in the site's folder: its pages, cover and PDFs.</summary>
    public static bool Complete(string siteFolder, SiteVolume volume) =>
        File.Exists(Addresses.FileOf(siteFolder, Addresses.Volume(volume)))
        && File.Exists(Path.Combine(siteFolder, volume.Name, Addresses.CoverFile))
        && volume.Downloads.All(d => File.Exists(Path.Combine(siteFolder, volume.Name, d.FileName)))
        && volume.Articles.All(a => File.Exists(Addresses.FileOf(siteFolder, Addresses.Article(volume, a))));
}

/// <summary>A volume's record on disk: its fields in kebab case ("contents-title", "source-hash"); a field that must not be
/// null and is, or one missing, makes the record unreadable, so the volume is built again.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseLower, WriteIndented = true, NewLine = "\n",
    IgnoreReadOnlyProperties = true, RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(SiteVolume))]
internal sealed partial class SiteCacheJsonContext : JsonSerializerContext;

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
