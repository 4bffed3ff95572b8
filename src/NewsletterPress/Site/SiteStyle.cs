namespace NewsletterPress.Site;

/// <summary>The site's stylesheet, site.css, carried inside the tool.</summary>
internal static class SiteStyle
{
    public static byte[] Css()
    {
        using var stream = typeof(SiteStyle).Assembly.GetManifestResourceStream("NewsletterPress.Site.site.css")
            ?? throw new InvalidOperationException("site.css is missing from the assembly");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
