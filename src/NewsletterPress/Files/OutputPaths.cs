using NewsletterPress.Diagnostics;

namespace NewsletterPress.Files;

/// <summary>
/// Where the tool may write. The issue folder is read-only to it: an output that resolves inside
/// the folder, through symbolic links too, is refused, as is an output onto one of the build's
/// inputs (a font outside the folder, say) or onto anything that is neither a regular file nor
/// absent (a folder, a device, a FIFO).
/// </summary>
public static class OutputPaths
{
    /// <param name="path">The output file as given.</param>
    /// <param name="issueFolder">The issue folder being built.</param>
    /// <param name="inputs">Every other file the build reads, by real path.</param>
    public static void CheckFile(string path, string issueFolder, IEnumerable<string> inputs)
    {
        var where = SourcePosition.Named(SourcePosition.DisplayPath(path));
        var (kind, _) = FileKinds.Of(path);
        if (kind is not (FileKind.Missing or FileKind.Regular))
            throw new InputException(where, $"the output is {FileKinds.Describe(kind)}, not a file; name a new PDF file, or one to replace");
        CheckOutsideIssue(path, issueFolder, where);
        var real = RealPath.OfPossiblyMissing(path);
        if (inputs.Contains(real, StringComparer.Ordinal))
            throw new InputException(where, "the output is one of the build's own input files; name a new PDF file");
    }

    /// <summary>A folder of outputs (proofs): a folder or absent, and not in the issue folder.</summary>
    public static void CheckFolder(string path, string issueFolder)
    {
        var where = SourcePosition.Named(SourcePosition.DisplayPath(path));
        var (kind, _) = FileKinds.Of(path);
        if (kind is not (FileKind.Missing or FileKind.Directory))
            throw new InputException(where, $"--out must name a folder for the page images, but this is {FileKinds.Describe(kind)}");
        CheckOutsideIssue(path, issueFolder, where);
    }

    private static void CheckOutsideIssue(string path, string issueFolder, SourcePosition where)
    {
        var real = RealPath.OfPossiblyMissing(path);
        var folder = InputFiles.RealFolder(issueFolder);
        if (RealPath.IsInside(real, folder) || RealPath.IsInside(folder, real))
            throw new InputException(where,
                $"the output would go into the issue folder {SourcePosition.DisplayPath(issueFolder)}, which is the volume's source and never written to; " +
                "write it elsewhere, e.g. out/ beside the folder");
    }

    /// <summary>The folder the default output goes in: <paramref name="name"/> (out/, proofs/) in the current
    /// folder, or beside the issue folder (../out/) when the current folder is the issue folder or inside it.</summary>
    public static string DefaultFolder(string issueFolder, string name = "out")
    {
        var here = RealPath.OfPossiblyMissing(Directory.GetCurrentDirectory());
        var folder = InputFiles.RealFolder(issueFolder);
        return RealPath.IsInside(here, folder)
            ? Path.Combine(Path.GetDirectoryName(folder) ?? "/", name)
            : Path.GetFullPath(name);
    }
}
