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
        OutputIntent intent;
        if (rules.IsPdfX && printIntent is { } custom)
        {
            // The caller's printing condition; ColourSpaces embeds its profile as the CMYK profile.
            var info = string.IsNullOrWhiteSpace(custom.OutputCondition) ? custom.OutputConditionIdentifier : custom.OutputCondition;
            intent = new OutputIntent(OutputIntentSubtype.GTS_PDFX, custom.OutputConditionIdentifier, custom.OutputCondition,
                custom.RegistryName ?? PrintOutputIntent.DefaultRegistryName, info, spaces.CmykProfile);
        }
        else if (rules.IsPdfX)
        {
            intent = new OutputIntent(OutputIntentSubtype.GTS_PDFX, "FOGRA39",
                "Offset printing, ISO 12647-2:2004/Amd 1, paper type 1 or 2 (coated), FOGRA39",
                PrintOutputIntent.DefaultRegistryName, "Coated FOGRA39 (ISO 12647-2:2004)", spaces.CmykProfile);
        }
        else if (rules.IsPdfA)
        {
            intent = new OutputIntent(OutputIntentSubtype.GTS_PDFA1, "sRGB IEC61966-2.1", null,
                PrintOutputIntent.DefaultRegistryName, "sRGB IEC61966-2.1", spaces.SrgbProfile);
        }
        else
        {
            return null;
        }
        var reference = writer.Allocate();
        writer.WriteObject(reference, intent.Dictionary);
        return reference;
    }
}

/// <summary>/S of an output intent (§14.11.5, Table 365): which conformance standard it serves.</summary>
#pragma warning disable CA1707 // the names are the PDF names
internal enum OutputIntentSubtype { GTS_PDFX, GTS_PDFA1 }
#pragma warning restore CA1707

/// <summary>Output intent dictionary (§14.11.5, Table 365).</summary>
internal sealed class OutputIntent
{
    public OutputIntent(OutputIntentSubtype subtype, string conditionIdentifier, string? condition, string registryName,
        string info, PdfRef destOutputProfile)
    {
        Dictionary = new PdfDictionary("OutputIntent")
            .Name("S", subtype.ToString())
            .TextString("OutputConditionIdentifier", conditionIdentifier);
        if (!string.IsNullOrWhiteSpace(condition))
            Dictionary.TextString("OutputCondition", condition);
        Dictionary.TextString("RegistryName", registryName)
            .TextString("Info", info)
            .Ref("DestOutputProfile", destOutputProfile);
    }

    public PdfDictionary Dictionary { get; }
}
