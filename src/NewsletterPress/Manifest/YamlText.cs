using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NewsletterPress.Manifest;

/// <summary>Parses YAML text, turning every parser failure into an error at the place it happened, in
/// plain words when it is one of the usual slips (<see cref="YamlSlips"/>).</summary>
internal static class YamlText
{
    public static void Load(YamlStream stream, string text, YamlNodes nodes, string what)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw YamlSlips.Explain(text, nodes, (int)e.Start.Line)
                ?? new Diagnostics.InputException(nodes.At(e.Start), $"{what} is not valid YAML: {e.Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet sometimes fails inside its scanner without a YamlException (an unclosed
            // flow collection, for instance); the last token read is the best position we have.
            var at = parser.Current?.End ?? Mark.Empty;
            throw YamlSlips.Explain(text, nodes, (int)at.Line)
                ?? new Diagnostics.InputException(nodes.At(at),
                    $"{what} is not valid YAML here: check for an unclosed [ or {{, or a quote");
        }
    }
}
