using System.CommandLine;
using NewsletterPress.Manifest;
using NewsletterPress.Text;
using NewsletterPress.Text.Fonts;

/// <summary><c>newsletterpress fonts [ISSUE]</c>: the font families style.fonts may name for this issue.</summary>
internal static class FontsCommand
{
    public static Command Create(Func<Func<int>, int> run)
    {
        var issue = new IssueOptions().Issue;
        issue.Description = "The issue folder whose own font files are listed too (default: the current folder)";
        var command = new Command("fonts", "List the font families an issue can name in style.fonts: its own, the bundled and the installed ones, with their styles and scripts")
        {
            issue,
        };
        command.SetAction(parse => run(() =>
        {
            var folder = IssueLoader.FolderOf(parse.GetValue(issue)!);
            var families = new FontFinder(folder).Families();
            foreach (var source in Enum.GetValues<FontSource>())
            {
                Console.WriteLine(source switch
                {
                    FontSource.IssueFolder => $"in the issue folder ({Path.GetRelativePath(Directory.GetCurrentDirectory(), folder)}):",
                    FontSource.Bundled => $"bundled with NewsletterPress ({FontLibrary.ToolFontsFolder}):",
                    _ => Fontconfig.Available ? "installed (fontconfig):" : "installed: (libfontconfig is not available; install fontconfig to use installed families)",
                });
                var these = families.Where(f => f.Source == source).ToList();
                if (these.Count == 0) Console.WriteLine("  (none)");
                int width = these.Count == 0 ? 0 : Math.Min(40, these.Max(f => f.Family.Length));
                foreach (var family in these)
                    Console.WriteLine($"  {family.Family.PadRight(width)}  {string.Join(", ", family.Styles)}  [{string.Join(", ", family.Scripts)}]");
            }
            Console.WriteLine("A family is found in the issue folder first, then among the bundled fonts, then among the installed ones.");
            return 0;
        }));
        return command;
    }
}
