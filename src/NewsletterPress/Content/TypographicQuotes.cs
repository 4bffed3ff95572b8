using Markdig;
using Markdig.Extensions.SmartyPants;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NewsletterPress.Content;

/// <summary>
/// Real quotes, dashes and ellipses. Markdig's SmartyPants makes them in the body, pairing quotes; it leaves straight
/// an apostrophe that closes nothing ("NGOs'", "China's"), and then the double quotes around it too. What it left,
/// <see cref="StraightQuotes"/> turns by its neighbour: after a letter, digit or closing mark a closing quote or
/// apostrophe (’ ”), else an opening one (‘ “). <see cref="Apply"/> does both for plain text that is not Markdown (the
/// front matter's title, kicker, author and affiliation), so a title reads as the body does.
/// </summary>
internal static class TypographicQuotes
{
    /// <summary>SmartyPants over one paragraph: no other block kind, and every other Markdown character escaped.</summary>
    private static readonly MarkdownPipeline Pipeline = Build();

    /// <summary>The characters SmartyPants reads; every other ASCII punctuation mark is escaped so it stays itself.</summary>
    private const string SmartCharacters = "'\"-.";

    private static MarkdownPipeline Build()
    {
        var builder = new MarkdownPipelineBuilder().UseSmartyPants();
        builder.BlockParsers.RemoveAll(p => p is not ParagraphBlockParser);
        return builder.Build();
    }

    public static string Apply(string text)
    {
        if (text.IndexOfAny(SmartCharacters.ToCharArray()) < 0) return text;
        var escaped = new System.Text.StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c <= ' ' || c > '~' || SmartCharacters.Contains(c, StringComparison.Ordinal)) escaped.Append(c);
            else escaped.Append('\\').Append(c);
        }
        var paragraph = Markdown.Parse(escaped.ToString(), Pipeline).Descendants<ParagraphBlock>().FirstOrDefault();
        if (paragraph?.Inline is null) return text;
        var result = new System.Text.StringBuilder(text.Length);
        foreach (var inline in paragraph.Inline.Descendants<Inline>())
        {
            if (inline is SmartyPant pant) result.Append(InlineConverter.SmartyText(pant));
            else if (inline is LiteralInline literal) result.Append(literal.Content.ToString());
        }
        return StraightQuotes(result.ToString(), ' ');
    }

    /// <summary>The spans with the straight quotes SmartyPants left turned into typographic ones (not in code).</summary>
    public static List<Span> StraightQuotes(List<Span> spans)
    {
        char before = ' ';
        for (int i = 0; i < spans.Count; i++)
        {
            var text = spans[i].Text;
            if (text.Length == 0) continue;
            if ((spans[i].Style & SpanStyle.Code) == 0 && text.AsSpan().IndexOfAny('\'', '"') >= 0)
                spans[i] = spans[i] with { Text = StraightQuotes(text, before) };
            before = text[^1];
        }
        return spans;
    }

    private static string StraightQuotes(string text, char before)
    {
        var chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            char previous = i > 0 ? chars[i - 1] : before;
            bool closes = char.IsLetterOrDigit(previous) || char.IsPunctuation(previous) && !IsOpening(previous);
            if (chars[i] == '\'') chars[i] = closes ? '\u2019' : '\u2018';
            else if (chars[i] == '"') chars[i] = closes ? '\u201D' : '\u201C';
        }
        return new string(chars);
    }

    private static bool IsOpening(char c) => c is '(' or '[' or '{' or '\u2018' or '\u201C' or '-' or '\u2013' or '\u2014' or '/';
}
