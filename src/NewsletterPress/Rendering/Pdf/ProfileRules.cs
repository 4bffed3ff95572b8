namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// What each <see cref="PdfProfile"/> means for the file, decided in one place so that the
/// object writers only ask questions ("is black K only?") and never switch on the profile.
/// </summary>
internal sealed record ProfileRules(PdfProfile Profile)
{
    public bool IsPdfX => Profile is PdfProfile.Print or PdfProfile.PrintX1a;
    public bool IsPdfA => Profile == PdfProfile.Archive;

    /// <summary>Header version (§7.5.2): PDF/X-1a:2001 is based on PDF 1.3, PDF/X-4 on PDF 1.6
    /// (ISO 15930-7 §6.1.2), PDF/A-3 on PDF 1.7 (ISO 19005-3 §6.1.2).</summary>
    public string Version => Profile switch
    {
        PdfProfile.PrintX1a => "1.3",
        PdfProfile.Print => "1.6",
        _ => "1.7",
    };

    /// <summary>Object and cross-reference streams are PDF 1.5 (§7.5.7, §7.5.8): not for PDF/X-1a.</summary>
    public bool AllowsObjectStreams => Profile != PdfProfile.PrintX1a;

    /// <summary>PDF/X-1a: no soft masks (ISO 15930-1 §6.3.4 — PDF 1.3 has no transparency); images with
    /// alpha are flattened onto white.</summary>
    public bool AllowsTransparency => Profile != PdfProfile.PrintX1a;

    /// <summary>PDF/X-1a allows only CMYK, gray and separations (ISO 15930-1 §6.2.3); RGB images are
    /// converted to the output intent's CMYK.</summary>
    public bool AllowsRgb => Profile != PdfProfile.PrintX1a;

    /// <summary>With an sRGB output intent, DeviceCMYK is not allowed (ISO 19005-2/-3 §6.2.4.3).</summary>
    public bool AllowsDeviceCmyk => Profile != PdfProfile.Archive;

    /// <summary>RGB image data is written as ICCBased sRGB rather than DeviceRGB: PDF/X-4 allows
    /// DeviceRGB only with an RGB output intent (ISO 15930-7 §6.2.4.3), and it keeps PDF/A independent of it.</summary>
    public bool RgbAsIccBased => Profile is PdfProfile.Print or PdfProfile.Archive;

    /// <summary>Trim, bleed and crop marks: the print profiles.</summary>
    public bool HasPrintMarks => IsPdfX;

    /// <summary>PDF/X allows no annotation inside the bleed box but TrapNet and PrinterMark (ISO 15930-7 §6.4.1,
    /// ISO 15930-1 §6.4): links are left out of print files; their text stays.</summary>
    public bool HasLinks => !IsPdfX;

    /// <summary>Catalog and page keys of PDF 1.4 and later (/Metadata, /MarkInfo, /Lang, /DisplayDocTitle,
    /// /Tabs) are not written into the PDF 1.3 file of PDF/X-1a:2001.</summary>
    public bool AllowsPdf14Keys => Profile != PdfProfile.PrintX1a;

    /// <summary>Logical structure and marked content (§14.7): every profile but PDF/X-1a, whose PDF 1.3
    /// has no /MarkInfo to say the file is tagged.</summary>
    public bool IsTagged => AllowsPdf14Keys;

    /// <summary>Screen and archive go for PDF/UA-1 (ISO 14289-1); the claim itself is made only when the
    /// document meets the clauses that depend on its content (see <see cref="UniversalAccessibility"/>).</summary>
    public bool AimsForPdfUa => Profile is PdfProfile.Screen or PdfProfile.Archive;

    /// <summary>Every glyph code gets a ToUnicode entry, as PDF/A level U (ISO 19005-3 §6.2.11.7.2) and
    /// PDF/UA (ISO 14289-1 §7.21.7) ask; clusters keep /ActualText for extraction.</summary>
    public bool MapsEveryGlyph => IsPdfA || AimsForPdfUa;

    /// <summary>Attachments as PDF/A-3 associated files (ISO 19005-3 §6.8); PDF/X forbids embedded files.</summary>
    public bool EmbedsAttachments => Profile == PdfProfile.Archive;
}
