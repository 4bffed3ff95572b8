using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NewsletterPress.Manifest;

/// <summary>Parses YAML text, turning every parser failure into an error at the place it happened.</summary>
internal static class YamlText
{
    public static void Load(YamlStream stream, TextReader reader, YamlNodes nodes, string what)
    {
        var parser = new Parser(reader);
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw new Diagnostics.InputException(nodes.At(e.Start), $"{what} is not valid YAML: {e.Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet sometimes fails inside its scanner without a YamlException (an unclosed
            // flow collection, for instance); the last token read is the best position we have.
            var at = parser.Current?.End ?? Mark.Empty;
            throw new Diagnostics.InputException(nodes.At(at),
                $"{what} is not valid YAML here: check for an unclosed [ or {{, or a quote");
        }
    }
}
