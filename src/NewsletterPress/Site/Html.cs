using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace NewsletterPress.Site;

/// <summary>
/// HTML written by the site: every text and attribute value goes through the encoder of System.Text.Encodings.Web,
/// so nothing an article says can become markup (the articles' raw HTML never reaches the model at all). The
/// encoder is told that all of Unicode is safe, so Japanese stays readable in the files.
/// </summary>
internal sealed class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _text = new();

    public static string Encode(string text) => Encoder.Encode(text);

    /// <summary>&lt;tag a="v" …&gt;; an attribute whose value is null is left out.</summary>
    public Html Open(string tag, params (string Name, string? Value)[] attributes)
    {
        _text.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
            if (value is not null) _text.Append(' ').Append(name).Append("=\"").Append(Encode(value)).Append('"');
        _text.Append('>');
        return this;
    }

    public Html Close(string tag)
    {
        _text.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element holding only text.</summary>
    public Html Element(string tag, string text, params (string Name, string? Value)[] attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    public Html Text(string text)
    {
        _text.Append(Encode(text));
        return this;
    }

    /// <summary>Markup the site made itself (never text from an issue).</summary>
    public Html Markup(string markup)
    {
        _text.Append(markup);
        return this;
    }

    public Html Line()
    {
        _text.Append('\n');
        return this;
    }

    public override string ToString() => _text.ToString();
}
