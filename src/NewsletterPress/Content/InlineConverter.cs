using System.Collections.Immutable;
using System.Text;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.SmartyPants;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;
using NewsletterPress.Diagnostics;
using NewsletterPress.Shared;

namespace NewsletterPress.Content;

/// <summary>Flattens Markdig's inline tree into styled <see cref="Span"/>s. An inline in error (a link target
/// a PDF must not carry) is recorded in <paramref name="errors"/> and the rest of the paragraph still read, so that
/// the paragraph's other errors are found in the same run.</summary>
internal sealed class InlineConverter(string file, WarningLog warnings, InputErrors errors)
{
    /// <param name="softBreaksAreLines">True where every source line is a unit of its own
    /// (label/value fields), so soft breaks become forced ones.</param>
    public ImmutableArray<Span> Convert(ContainerInline? container, bool softBreaksAreLines = false)
    {
        var spans = new List<Span>();
        if (container is not null) WalkChildren(container, SpanStyle.None, null, null, spans);
        if (softBreaksAreLines) spans = spans.Select(s => s with { Text = s.Text.Replace('\u0001', '\n') }).ToList();
        return Merge(BareAddresses.Linked(TypographicQuotes.StraightQuotes(spans)));
    }

    private void Walk(Inline inline, SpanStyle style, string? link, string? lang, List<Span> output)
    {
        lang = inline.TryGetAttributes()?.Properties?.FirstOrDefault(p => p.Key == "lang").Value ?? lang;
        switch (inline)
        {
            case LiteralInline literal:
                output.Add(new Span(literal.Content.ToString(), style, link, lang));
                break;
            case CodeInline code:
                output.Add(new Span(code.Content, style | SpanStyle.Code, link, lang));
                break;
            case LineBreakInline br:
                // A soft break joins lines: with a space between Latin words, with nothing
                // between Japanese characters (Japanese has no word spaces).
                output.Add(new Span(br.IsHard ? "\n" : "\u0001", style, link, lang));
                break;
            case HtmlEntityInline entity:
                var transcoded = entity.Transcoded.ToString();
                if (Files.SourceText.IndexOfForbiddenControl(transcoded) >= 0)
                {
                    errors.Add(new InputException(Where(entity), $"the entity '{entity.Original}' writes a control character; delete it"));
                    break;
                }
                output.Add(new Span(transcoded, style, link, lang));
                break;
            case SmartyPant pant:
                output.Add(new Span(SmartyText(pant), style, link, lang));
                break;
            case FootnoteLink { IsBackLink: false } note:
                output.Add(new Span(note.Footnote.Order.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    style | SpanStyle.Superscript, "#fn" + note.Footnote.Order, lang));
                break;
            case AutolinkInline auto:
                var target = auto.IsEmail ? "mailto:" + auto.Url : auto.Url;
                errors.Try(() => LinkTargets.Check(target, Where(auto)));
                output.Add(new Span(auto.Url, style, target, lang));
                break;
            case HtmlInline html:
                warnings.Add(Where(html), WarningCode.RawHtml, $"raw HTML '{html.Tag}' is not rendered in print; its tag is left out");
                break;
            case LinkInline { IsImage: true } image:
                warnings.Add(Where(image), WarningCode.InlineImage, "an image inside running text is not supported; put it in a paragraph of its own; its description is printed instead");
                WalkChildren(image, style, link, lang, output);
                break;
            case LinkInline anchor:
                errors.Try(() => LinkTargets.Check(anchor.Url, Where(anchor)));
                WalkChildren(anchor, style, anchor.Url, lang, output);
                break;
            case EmphasisInline emphasis:
                var added = emphasis.DelimiterCount >= 2 ? SpanStyle.Bold : SpanStyle.Italic;
                WalkChildren(emphasis, style | added, link, lang, output);
                break;
            case ContainerInline container:
                WalkChildren(container, style, link, lang, output);
                break;
        }
    }

    private void WalkChildren(ContainerInline container, SpanStyle style, string? link, string? lang, List<Span> output)
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
            Walk(child, style, link, lang, output);
    }

    /// <summary>Where an inline starts, spanning it (for the carets) when it stays on one line.</summary>
    public SourcePosition Where(Inline inline) =>
        new(file, inline.Line + 1, inline.Column + 1) { Length = OnOneLine(inline) ? inline.Span.Length : 0 };

    private static bool OnOneLine(Inline inline) =>
        inline is not ContainerInline { LastChild: { } last } || last.Line == inline.Line;

    internal static string SmartyText(SmartyPant pant) => pant.Type switch
    {
        SmartyPantType.LeftQuote => "\u2018",
        SmartyPantType.RightQuote => "\u2019",
        SmartyPantType.LeftDoubleQuote => "\u201C",
        SmartyPantType.RightDoubleQuote => "\u201D",
        SmartyPantType.LeftAngleQuote => "\u00AB",
        SmartyPantType.RightAngleQuote => "\u00BB",
        SmartyPantType.Dash2 => "\u2013",
        SmartyPantType.Dash3 => "\u2014",
        SmartyPantType.Ellipsis => "\u2026",
        _ => pant.ToString() ?? "",
    };

    /// <summary>Joins neighbouring spans of equal style and resolves soft breaks.</summary>
    private static ImmutableArray<Span> Merge(List<Span> spans)
    {
        var result = ImmutableArray.CreateBuilder<Span>();
        var text = new StringBuilder();
        Span? current = null;
        foreach (var span in spans)
        {
            if (current is not null && current with { Text = "" } == span with { Text = "" })
            {
                text.Append(span.Text);
                continue;
            }
            if (current is not null) result.Add(current with { Text = text.ToString() });
            current = span;
            text.Clear().Append(span.Text);
        }
        if (current is not null) result.Add(current with { Text = text.ToString() });
        return ResolveSoftBreaks(result.ToImmutable());
    }

    private static ImmutableArray<Span> ResolveSoftBreaks(ImmutableArray<Span> spans)
    {
        var all = string.Concat(spans.Select(s => s.Text));
        if (!all.Contains('\u0001')) return spans;
        var builder = ImmutableArray.CreateBuilder<Span>();
        int offset = 0;
        foreach (var span in spans)
        {
            var sb = new StringBuilder();
            for (int i = 0; i < span.Text.Length; i++)
            {
                char c = span.Text[i];
                if (c != '\u0001') { sb.Append(c); continue; }
                int at = offset + i;
                char before = at > 0 ? all[at - 1] : ' ';
                char after = at + 1 < all.Length ? all[at + 1] : ' ';
                if (!Script.IsCjk(before) && !Script.IsCjk(after)) sb.Append(' ');
            }
            offset += span.Text.Length;
            if (sb.Length > 0) builder.Add(span with { Text = sb.ToString() });
        }
        return builder.ToImmutable();
    }
}
