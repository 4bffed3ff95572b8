using System.CommandLine;
using NewsletterPress.Diagnostics;
using NewsletterPress.Scaffold;

/// <summary><c>newsletterpress new [FOLDER]</c>: a new issue folder, the next volume of those beside it or a first issue.</summary>
internal static class NewCommand
{
    public static Command Create(Func<Func<int>, int> run)
    {
        var folder = new Argument<string>("folder")
        {
            Description = "The new issue folder, e.g. issues/vol-12 (default: the current folder, which must be empty)",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => ".",
        };
        var command = new Command("new", "Start an issue: the next volume of the issues beside it, or a complete first issue that builds as it is") { folder };
        command.SetAction(parse => run(() =>
        {
            var created = NewIssue.Create(parse.GetValue(folder)!, DateOnly.FromDateTime(DateTime.Today));
            var shown = SourcePosition.DisplayPath(created.Folder);
            Console.WriteLine(created.ContinuesFrom is { } earlier
                ? $"created {shown}: Vol.{created.Volume} of {created.Date:yyyy-MM-dd}, with the manifest and style of {earlier}; list its articles in issue.yaml"
                : $"created {shown}: a first issue ({string.Join(", ", created.Files)}); build it with 'newsletterpress build {shown}'");
            return 0;
        }));
        return command;
    }
}
