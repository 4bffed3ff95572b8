using System.Reflection;

namespace NewsletterPress.Shared;

/// <summary>
/// The tool's version and the commit it was built from, as the .NET SDK stamps them into the assembly's
/// informational version ("1.0.0+c8ac3bb…": Source Link adds the commit when the build runs in a git
/// checkout). Written into the PDF's Producer and the archive's build.json, so that a volume names the
/// build that made it.
/// </summary>
public static class ToolVersion
{
    private static readonly string Informational =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>"1.0.0": the version without the commit.</summary>
    public static string Version { get; } = Informational.Split('+')[0];

    /// <summary>The full commit id, or null when the tool was built outside a git checkout.</summary>
    public static string? Commit { get; } = Informational.Split('+') is [_, var commit, ..] && commit.Length > 0 ? commit : null;

    /// <summary>"NewsletterPress 1.0.0 (c8ac3bb)": the Producer and CreatorTool of every PDF.</summary>
    public static string Producer { get; } = Commit is { } c ? $"NewsletterPress {Version} ({c[..Math.Min(7, c.Length)]})" : $"NewsletterPress {Version}";
}
