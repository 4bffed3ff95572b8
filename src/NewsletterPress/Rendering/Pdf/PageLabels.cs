using NewsletterPress.Display;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// The catalog's /PageLabels number tree (ISO 32000-1 §12.4.2). A numeric label starts
/// (or continues) a decimal range /S /D with /St; any other label is written as a /P prefix
/// with no numbering, which viewers show verbatim. A new range starts only where the
/// previous one would not already produce the wanted label.
/// </summary>
internal static class PageLabels
{
    public static PdfDictionary Build(IReadOnlyList<Page> pages)
    {
        var nums = new PdfArray();
        long? nextDecimal = null; // the number the current decimal range gives the next page
        for (var i = 0; i < pages.Count; i++)
        {
            var label = pages[i].Label ?? "";
            if (IsDecimal(label, out var number))
            {
                if (nextDecimal != number)
                    nums.Integer(i).Dict(new PdfDictionary().Name("S", "D").Integer("St", number));
                nextDecimal = number + 1;
            }
            else
            {
                nums.Integer(i).Dict(new PdfDictionary().TextString("P", label));
                nextDecimal = null;
            }
        }
        return new PdfDictionary().Array("Nums", nums);
    }

    private static bool IsDecimal(string label, out long number)
    {
        number = 0;
        return label.Length is > 0 and <= 9 && label[0] != '0' && label.All(char.IsAsciiDigit)
            && long.TryParse(label, System.Globalization.CultureInfo.InvariantCulture, out number);
    }
}
