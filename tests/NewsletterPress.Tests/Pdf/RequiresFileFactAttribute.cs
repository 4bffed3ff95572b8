namespace NewsletterPress.Tests.Pdf;

/// <summary>
/// A fact that needs a font the repository does not ship (such as Noto Serif CJK, a CID-keyed
/// CFF font): it runs when the file exists at the given path or at the path in the environment
/// variable, and is reported as skipped, with the reason, otherwise — never passed vacuously.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresFileFactAttribute : FactAttribute
{
    public RequiresFileFactAttribute(string environmentVariable, string defaultPath)
    {
        if (Resolve(environmentVariable, defaultPath) is null)
            Skip = $"Needs {defaultPath} (package fonts-noto-cjk) or a path in ${environmentVariable}.";
    }

    public static string? Resolve(string environmentVariable, string defaultPath)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(environmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(fromEnvironment))
            return fromEnvironment;
        return File.Exists(defaultPath) ? defaultPath : null;
    }
}
