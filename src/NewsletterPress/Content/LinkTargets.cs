using System.Text.RegularExpressions;
using NewsletterPress.Diagnostics;

namespace NewsletterPress.Content;

/// <summary>
/// Which link targets may become live links in the PDF: web and mail addresses, telephone
/// numbers, and relative addresses. A javascript:, file: or data: link would run code, open a
/// reader's local files or carry hidden content, so it is refused at its place in the article.
/// </summary>
internal static partial class LinkTargets
{
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal) { "http", "https", "mailto", "tel", "ftp" };

    public static void Check(string? url, SourcePosition where)
    {
        if (string.IsNullOrEmpty(url)) return;
        // Readers ignore ASCII whitespace and controls inside a scheme ("java\tscript:"), so they are dropped first.
        var compact = new string(url.Where(c => c > ' ').ToArray());
        var scheme = Scheme().Match(compact);
        if (scheme.Success && !Allowed.Contains(scheme.Groups[1].Value.ToLowerInvariant()))
            throw new InputException(where,
                $"the link target '{Shorten(url)}' uses '{scheme.Groups[1].Value}:', which a PDF must not carry as a live link; " +
                "link to an http(s) address or an e-mail address");
    }

    private static string Shorten(string url) => url.Length <= 60 ? url : url[..60] + "…";

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9+.-]*):")]
    private static partial Regex Scheme();
}
