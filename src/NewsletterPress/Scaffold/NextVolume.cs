using System.Globalization;
using System.Text;
using NewsletterPress.Files;
using NewsletterPress.Manifest;
using YamlDotNet.RepresentationModel;

namespace NewsletterPress.Scaffold;

/// <summary>An earlier volume's manifest as read by <see cref="NextVolume"/>: enough to continue it.</summary>
internal sealed record EarlierVolume(string Folder, string Text, YamlMappingNode Root, int Volume, DateOnly Date);

/// <summary>
/// The next volume of a newsletter: the latest volume's manifest copied as text (its comments, order
/// and style kept), with the volume and date bumped and the articles list emptied, plus the files its
/// style names inside the folder (fonts, the print condition's profile), so that it builds the same.
/// </summary>
internal static class NextVolume
{
    /// <summary>The volume with the highest number among the folders beside <paramref name="folder"/>, if any,
    /// and the date the next one is likely to carry.</summary>
    public static (EarlierVolume Latest, DateOnly NextDate)? LatestBeside(string folder)
    {
        var parent = Path.GetDirectoryName(folder);
        if (parent is null || !Directory.Exists(parent)) return null;
        var volumes = new List<EarlierVolume>();
        foreach (var sibling in Directory.EnumerateDirectories(parent).Where(d => d != folder))
            if (Read(sibling) is { } volume) volumes.Add(volume);
        return volumes.OrderBy(v => v.Volume).ThenBy(v => v.Date).LastOrDefault() is { } latest
            ? (latest, NextDate(latest, volumes))
            : null;
    }

    /// <summary>A sibling's manifest, or null when it has none or it cannot be read as a volume.</summary>
    private static EarlierVolume? Read(string folder)
    {
        var file = Path.Combine(folder, IssueLoader.ManifestFileName);
        if (FileKinds.Of(file) is not (FileKind.Regular, var size) || size > FileRule.Manifest.MaxBytes) return null;
        try
        {
            var text = File.ReadAllText(file);
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode root) return null;
            if (!int.TryParse(Scalar(root, "volume")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var volume)) return null;
            if (!DateOnly.TryParseExact(Scalar(root, "date")?.Value, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return null;
            return new EarlierVolume(folder, text, root, volume, date);
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return null; // not a volume we can continue; it is left alone
        }
    }

    /// <summary>The latest volume's date moved on by the interval between the last two volumes (in months
    /// when both fall on the same day of the month), or by three months when there is only one.</summary>
    private static DateOnly NextDate(EarlierVolume latest, List<EarlierVolume> volumes)
    {
        var before = volumes.Where(v => v.Volume < latest.Volume).OrderBy(v => v.Volume).LastOrDefault();
        if (before is null || before.Date >= latest.Date) return latest.Date.AddMonths(3);
        if (before.Date.Day == latest.Date.Day)
            return latest.Date.AddMonths((latest.Date.Year - before.Date.Year) * 12 + latest.Date.Month - before.Date.Month);
        return latest.Date.AddDays(latest.Date.DayNumber - before.Date.DayNumber);
    }

    public static CreatedIssue Create(string folder, EarlierVolume latest, DateOnly date)
    {
        int volume = latest.Volume + 1;
        var text = Rewrite(latest, volume, date, folder);
        Directory.CreateDirectory(Path.Combine(folder, "articles"));
        Directory.CreateDirectory(Path.Combine(folder, "images"));
        File.WriteAllText(Path.Combine(folder, IssueLoader.ManifestFileName), text);
        var files = new List<string> { IssueLoader.ManifestFileName };
        foreach (var relative in StyleFiles(latest))
        {
            var from = Path.GetFullPath(Path.Combine(latest.Folder, relative));
            var to = Path.GetFullPath(Path.Combine(folder, relative));
            if (!from.StartsWith(latest.Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || FileKinds.Of(from).Kind != FileKind.Regular) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
            files.Add(relative);
        }
        files.Add(FrontMatterLint.Write(folder));
        return new CreatedIssue(folder, volume, date, Path.GetFileName(latest.Folder), files);
    }

    /// <summary>The manifest's text with the volume, the date and the articles replaced, and the schema line
    /// pointing at the schema from the new folder.</summary>
    private static string Rewrite(EarlierVolume latest, int volume, DateOnly date, string folder)
    {
        var text = latest.Text;
        var lineStarts = LineStarts(text);
        var edits = new List<(int Start, int End, string With)>();
        void Replace(YamlNode node, string with) => edits.Add(((int)node.Start.Index, (int)node.End.Index, with));
        Replace(Scalar(latest.Root, "volume")!, volume.ToString(CultureInfo.InvariantCulture));
        Replace(Scalar(latest.Root, "date")!, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        // The articles key and its value, whole lines, up to the next top-level key.
        var keys = latest.Root.Children.Keys.ToList();
        var articles = keys.FindIndex(k => k is YamlScalarNode { Value: "articles" });
        var replacement = "articles: []    # list this volume's articles in printed order, e.g.\n"
            + "#  - articles/first.md\n#  - path: articles/second.md\n#    start: new-page\n";
        if (articles >= 0)
        {
            int start = lineStarts[(int)keys[articles].Start.Line - 1];
            int end = articles + 1 < keys.Count ? lineStarts[(int)keys[articles + 1].Start.Line - 1] : text.Length;
            edits.Add((start, end, replacement));
        }
        else edits.Add((text.Length, text.Length, (text.EndsWith('\n') ? "" : "\n") + replacement));

        var result = new StringBuilder(text);
        foreach (var (start, end, with) in edits.OrderByDescending(e => e.Start))
            result.Remove(start, end - start).Insert(start, with);
        // The earlier volume's schema line is kept when it leads to the schema from the new folder too (a
        // sibling in the repository's issues/, say); otherwise it is replaced by one that does.
        var lines = result.ToString().Split('\n').ToList();
        var modeline = lines.FindIndex(SchemaFiles.IsModeline);
        if (modeline >= 0 && SchemaFiles.Resolves(lines[modeline], folder)) return string.Join("\n", lines);
        if (modeline >= 0) lines.RemoveAt(modeline);
        return SchemaFiles.ModelineFor(folder) + "\n" + string.Join("\n", lines);
    }

    /// <summary>Files of the folder the style names by path: font files and the print condition's profile.</summary>
    private static IEnumerable<string> StyleFiles(EarlierVolume latest)
    {
        if (Child(latest.Root, "style") is not YamlMappingNode style) yield break;
        if (Child(style, "fonts") is YamlMappingNode fonts)
            foreach (var value in fonts.Children.Values.OfType<YamlScalarNode>())
                if (value.Value is { } name && Path.GetExtension(name).ToLowerInvariant() is ".ttf" or ".otf" or ".ttc")
                    yield return name;
        if (Child(style, "print-condition") is YamlMappingNode condition && Scalar(condition, "icc")?.Value is { } icc)
            yield return icc;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: var k } && k == key).Value;

    private static YamlScalarNode? Scalar(YamlMappingNode map, string key) => Child(map, key) as YamlScalarNode;

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
            if (text[i] == '\n') starts.Add(i + 1);
        return starts;
    }
}
