namespace NewsletterPress.Rendering.Pdf;

/// <summary>What the PDF is for; decides colour, page boxes, metadata and conformance claims.</summary>
public enum PdfProfile
{
    /// <summary>Reading on screen: black as DeviceGray, accent inks as RGB when the layout gives one.</summary>
    Screen,

    /// <summary>PDF/X-4 (ISO 15930-7) for the printer: FOGRA39 output intent, black as K only,
    /// trim and bleed boxes, Japanese-style crop marks (トンボ) outside the trim.</summary>
    Print,

    /// <summary>PDF/X-1a:2001 (ISO 15930-1): as <see cref="Print"/>, but PDF 1.3, CMYK and gray
    /// only, no transparency: RGB images are converted to the print condition's CMYK, and images with
    /// transparency flattened onto white.</summary>
    PrintX1a,

    /// <summary>PDF/A-3u (ISO 19005-3) for the archive: sRGB output intent, the issue's
    /// source files attached.</summary>
    Archive,
}
