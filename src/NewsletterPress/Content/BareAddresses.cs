using System.Text.RegularExpressions;

namespace NewsletterPress.Content;

/// <summary>E-mail addresses and URLs typed as plain text become links, as editors expect: in articles and in the
/// manifest's text (the donation box's contact).</summary>
internal static partial class BareAddresses
{
    /// <summary>The spans with every bare address split out as a span of its own that links to it; spans that
    /// already link somewhere and code are left as they are.</summary>
    public static List<Span> Linked(IEnumerable<Span> spans)
    {
        var result = new List<Span>();
        foreach (var span in spans)
        {
            // Every address holds "://" or "@": most spans have neither, and are not searched (the search tries the
            // e-mail pattern from every letter of every word).
            if (span.Link is not null || (span.Style & SpanStyle.Code) != 0
                || (!span.Text.Contains('@') && !span.Text.Contains("://", StringComparison.Ordinal))) { result.Add(span); continue; }
            int last = 0;
            foreach (Match m in AddressPattern().Matches(span.Text))
            {
                if (m.Index > last) result.Add(span with { Text = span.Text[last..m.Index] });
                var target = m.Value.Contains('@') && !m.Value.Contains("://") ? "mailto:" + m.Value : m.Value;
                result.Add(span with { Text = m.Value, Link = target });
                last = m.Index + m.Length;
            }
            if (last < span.Text.Length) result.Add(last == 0 ? span : span with { Text = span.Text[last..] });
        }
        return result;
    }

    /// <summary>A plain text (a value of the manifest) as spans, its bare addresses linked.</summary>
    public static List<Span> Linked(string text) => Linked([new Span(text)]);

    [GeneratedRegex(@"https?://[^\s<>（）「」]+[^\s<>（）「」.,;:!?)]|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex AddressPattern();
}
