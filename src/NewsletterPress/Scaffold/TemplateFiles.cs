using System.Reflection;

namespace NewsletterPress.Scaffold;

/// <summary>The files of a first issue (Scaffold/Template/), embedded in the assembly so that they travel
/// with the binary however it is published.</summary>
internal static class TemplateFiles
{
    /// <summary>The text of Template/<paramref name="name"/>.</summary>
    public static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("NewsletterPress.Scaffold.Template." + name)
            ?? throw new InvalidOperationException($"the template file {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
