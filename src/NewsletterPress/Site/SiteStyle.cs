using System.Text;
using System.Text.RegularExpressions;

namespace NewsletterPress.Site;

/// <summary>The site's stylesheet, site.css, carried inside the tool, in the accent colour of the newest volume (its
/// style.accent): the site looks like the newsletter.</summary>
internal static partial class SiteStyle
{
    public static byte[] Css(string accent)
    {
        using var stream = typeof(SiteStyle).Assembly.GetManifestResourceStream("NewsletterPress.Site.site.css")
            ?? throw new InvalidOperationException("site.css is missing from the assembly");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var css = reader.ReadToEnd();
        if (!AccentProperty().IsMatch(css))
            throw new InvalidOperationException("site.css no longer declares --accent for the volume's accent to replace");
        return Encoding.UTF8.GetBytes(AccentProperty().Replace(css, $"--accent: {accent};", 1));
    }

    [GeneratedRegex(@"--accent:\s*#[0-9a-fA-F]{6};")]
    private static partial Regex AccentProperty();
}
