using System.Collections.Immutable;
using NewsletterPress.Content;
using NewsletterPress.Diagnostics;
using NewsletterPress.Display;
using NewsletterPress.Files;
using NewsletterPress.Manifest;
using NewsletterPress.Shared;

namespace NewsletterPress.Archive;

/// <summary>
/// What the archive profile attaches: exactly what the volume needs to be rebuilt from its PDF, and
/// nothing else. That is the manifest; the articles built (a draft left out of the build is left out
/// here too) and the images they show; the ICC profile the style names; every font file the build
/// opened, with the licence file that travels with it (the IPA Font License asks that it accompany
/// every copy), when the licence allows passing the file on; and build.json, which names the tool and
/// the SHA-256 of each file. A font from outside the issue folder (bundled or installed) is attached
/// under fonts/, where a rebuild of the extracted folder finds it first. A needed file that the
/// manifest's exclude: or a font licence keeps out is named in a warning and in build.json.
/// </summary>
internal static class ArchiveSources
{
    /// <summary>Where fonts from outside the issue folder go in the archive, and where a build looks first.</summary>
    public const string FontFolder = Text.FontLibrary.IssueFontFolder;

    /// <param name="fonts">Every font face the build opened, with the bytes it read.</param>
    public static ImmutableArray<AttachedFile> For(Issue issue, IEnumerable<Article> articles, IEnumerable<FontRef> fonts, WarningLog warnings)
    {
        var realFolder = InputFiles.RealFolder(issue.Folder);
        var manifest = Path.Combine(issue.Folder, IssueLoader.ManifestFileName);
        var needed = new List<(string Path, string Name, SourcePosition? Where)> { (manifest, IssueLoader.ManifestFileName, null) };
        foreach (var article in articles)
        {
            needed.Add((article.SourcePath, Relative(issue.Folder, article.SourcePath), null));
            needed.AddRange(article.Figures.Select(f => (f.Path, Relative(issue.Folder, f.Path), (SourcePosition?)f.Where)));
        }
        if (issue.Style.PrintCondition is { } condition)
            needed.Add((condition.IccPath, Relative(issue.Folder, condition.IccPath), null));

        var leftOut = new List<BuildRecord.LeftOut>();
        foreach (var (font, data) in fonts.DistinctBy(f => f.FilePath, StringComparer.Ordinal).OrderBy(f => f.FilePath, StringComparer.Ordinal)
                     .Select(f => (f.FilePath, f.Data)))
        {
            var inside = RealPath.Of(font) is { } real && RealPath.IsInside(real, realFolder);
            var name = inside ? Relative(issue.Folder, font) : $"{FontFolder}/{Path.GetFileName(font)}";
            if (FontLicence.WhyNotAttachable(data) is { } why)
            {
                warnings.Add(null, WarningCode.NotAttached,
                    $"the font {name} is not attached to the archive: {why}; a rebuild from the archive needs it installed");
                leftOut.Add(new(name, why));
                continue;
            }
            needed.Add((font, name, null));
            if (LicenceFileOf(font) is { } licence)
                needed.Add((licence, $"{Path.GetDirectoryName(name)!.Replace('\\', '/')}/{Path.GetFileName(licence)}".TrimStart('/'), null));
        }

        var exclusions = new Exclusions(issue.Exclude);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, name, where) in needed)
        {
            if (files.TryGetValue(name, out var already))
            {
                if (already != path && RealPath.Of(already) != RealPath.Of(path))
                    throw new InputException(SourcePosition.WholeFile(path),
                        $"the archive would carry two files named '{name}' ({already} and {path}); rename one of them");
                continue;
            }
            if (exclusions.Match(name) is { } pattern)
            {
                warnings.Add(issue.ExcludeWhere, WarningCode.NotAttached,
                    $"{name} is needed to rebuild the volume but exclude: '{pattern}' keeps it out of the archive");
                leftOut.Add(new(name, $"exclude: {pattern}"));
                continue;
            }
            InputFiles.Check(path, FileRule.Attachment, where ?? SourcePosition.WholeFile(path), name,
                RealPath.IsInside(RealPath.Of(path) ?? path, realFolder) ? realFolder : null);
            files.Add(name, path);
        }
        if (files.ContainsKey(BuildRecord.FileName))
            throw new InputException(SourcePosition.WholeFile(files[BuildRecord.FileName]),
                $"the archive keeps its own {BuildRecord.FileName} at the top of the issue folder; rename this file or move it into a folder");

        long total = 0;
        var record = new List<BuildRecord.Entry>();
        foreach (var (name, path) in files)
        {
            var bytes = InputFiles.Read(path, FileRule.Attachment, SourcePosition.WholeFile(path), name);
            total += bytes.Length;
            if (total > FileRule.AttachmentsTotal)
                throw new InputException(SourcePosition.WholeFile(path),
                    $"the volume's sources come to more than the {FileRule.Size(FileRule.AttachmentsTotal)} the archive profile attaches; use smaller images or fonts");
            record.Add(BuildRecord.For(name, bytes));
        }
        var buildJson = new AttachedFile(BuildRecord.FileName, "", "application/json")
        {
            Contents = BuildRecord.Write("archive", record, leftOut),
        };
        return [.. files.Select(f => new AttachedFile(f.Key, f.Value, MimeType(f.Key))).Append(buildJson).OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    private static string Relative(string folder, string path) =>
        Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>The licence file beside a font: LICENSE-IPAex.txt for ipaexm.ttf, LICENSE-Noto.txt for NotoSans-Bold.ttf
    /// (the suffix is a prefix of the font's file name, whatever the case), as the tool's fonts/ folder keeps them.</summary>
    private static string? LicenceFileOf(string font)
    {
        var folder = Path.GetDirectoryName(font)!;
        var fontName = Path.GetFileName(font);
        return Directory.EnumerateFiles(folder, "LICENSE-*.txt")
            .Where(l => fontName.StartsWith(Path.GetFileNameWithoutExtension(l)["LICENSE-".Length..], StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).FirstOrDefault();
    }

    private static string MimeType(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".yaml" or ".yml" => "application/yaml",
        ".md" => "text/markdown",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        ".ttf" => "font/ttf",
        ".otf" => "font/otf",
        ".ttc" => "font/collection",
        ".txt" => "text/plain",
        ".icc" or ".icm" => "application/vnd.iccprofile",
        _ => "application/octet-stream",
    };
}
