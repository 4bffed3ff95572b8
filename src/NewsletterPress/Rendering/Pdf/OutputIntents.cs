namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// The output intent (ISO 32000-1 §14.11.5, Table 365) each conformance level needs:
/// PDF/X (ISO 15930-7 §6.2.3, ISO 15930-1 §6.2.2) a /GTS_PDFX intent naming the printing
/// condition, FOGRA39 unless the options give a <see cref="PrintOutputIntent"/>, with the CMYK
/// output profile embedded; PDF/A (ISO 19005-3
/// §6.2.3) a /GTS_PDFA1 intent with the sRGB profile. Screen gets none.
/// </summary>
internal static class OutputIntents
{
    public static PdfRef? Write(PdfObjectWriter writer, ProfileRules rules, ColourSpaces spaces, PrintOutputIntent? printIntent = null)
    {
        PdfDictionary intent;
        if (rules.IsPdfX && printIntent is { } custom)
        {
            // The caller's printing condition; ColourSpaces embeds its profile as the CMYK profile.
            intent = new PdfDictionary("OutputIntent")
                .Name("S", "GTS_PDFX")
                .TextString("OutputConditionIdentifier", custom.OutputConditionIdentifier);
            if (!string.IsNullOrWhiteSpace(custom.OutputCondition))
                intent.TextString("OutputCondition", custom.OutputCondition);
            intent.TextString("RegistryName", custom.RegistryName ?? PrintOutputIntent.DefaultRegistryName)
                .TextString("Info", string.IsNullOrWhiteSpace(custom.OutputCondition) ? custom.OutputConditionIdentifier : custom.OutputCondition)
                .Ref("DestOutputProfile", spaces.CmykProfile);
        }
        else if (rules.IsPdfX)
        {
            intent = new PdfDictionary("OutputIntent")
                .Name("S", "GTS_PDFX")
                .LiteralString("OutputConditionIdentifier", "FOGRA39")
                .LiteralString("OutputCondition", "Offset printing, ISO 12647-2:2004/Amd 1, paper type 1 or 2 (coated), FOGRA39")
                .LiteralString("RegistryName", "http://www.color.org")
                .LiteralString("Info", "Coated FOGRA39 (ISO 12647-2:2004)")
                .Ref("DestOutputProfile", spaces.CmykProfile);
        }
        else if (rules.IsPdfA)
        {
            intent = new PdfDictionary("OutputIntent")
                .Name("S", "GTS_PDFA1")
                .LiteralString("OutputConditionIdentifier", "sRGB IEC61966-2.1")
                .LiteralString("RegistryName", "http://www.color.org")
                .LiteralString("Info", "sRGB IEC61966-2.1")
                .Ref("DestOutputProfile", spaces.SrgbProfile);
        }
        else
        {
            return null;
        }
        var reference = writer.Allocate();
        writer.WriteObject(reference, intent);
        return reference;
    }
}
