namespace NewsletterPress.Preflight;

/// <summary>
/// The clause each finding names. PDF/A-3 (ISO 19005-3:2012) and PDF/UA-1 (ISO 14289-1:2014)
/// clause numbers are those of veraPDF's validation profiles for the same rules; the Tagged PDF
/// nesting rules are ISO 32000-2 Annex L as veraPDF applies them to the ISO 32000-1 types. The
/// PDF/X numbers (ISO 15930-1:2001, ISO 15930-7:2010) follow the clause layout of those standards,
/// whose text is not at hand here: a print shop's report may number them differently.
/// </summary>
internal static class Clauses
{
    public static class PdfX4
    {
        public const string Version = "ISO 15930-7 §6.1.2";
        public const string Encryption = "ISO 15930-7 §6.1.3";
        public const string Boxes = "ISO 15930-7 §6.2.2";
        public const string OutputIntent = "ISO 15930-7 §6.2.3";
        public const string Colour = "ISO 15930-7 §6.2.4.3";
        public const string Fonts = "ISO 15930-7 §6.3.4";
        public const string Annotations = "ISO 15930-7 §6.4.1";
        public const string Identification = "ISO 15930-7 §6.7.2";
        public const string Trapped = "ISO 15930-7 §6.7.5";
    }

    public static class PdfX1a
    {
        public const string Version = "ISO 15930-1 §6.1.1";
        public const string Encryption = "ISO 15930-1 §6.1.3";
        public const string OutputIntent = "ISO 15930-1 §6.2.2";
        public const string Colour = "ISO 15930-1 §6.2.3";
        public const string Boxes = "ISO 15930-1 §6.2.4";
        public const string Fonts = "ISO 15930-1 §6.3.1";
        public const string Transparency = "ISO 15930-1 §6.3.4";
        public const string Annotations = "ISO 15930-1 §6.4";
        public const string Identification = "ISO 15930-1 §6.6.5";
        public const string Trapped = "ISO 15930-1 §6.6.6";
    }

    public static class PdfA3
    {
        public const string Header = "ISO 19005-3 §6.1.2";
        public const string Trailer = "ISO 19005-3 §6.1.3";
        public const string Filters = "ISO 19005-3 §6.1.7.2";
        public const string OutputIntent = "ISO 19005-3 §6.2.3";
        public const string DeviceColour = "ISO 19005-3 §6.2.4.3";
        public const string FontEmbedding = "ISO 19005-3 §6.2.11.4.1";
        public const string FontWidths = "ISO 19005-3 §6.2.11.5";
        public const string ToUnicode = "ISO 19005-3 §6.2.11.7.2";
        public const string AnnotationTypes = "ISO 19005-3 §6.3.1";
        public const string AnnotationFlags = "ISO 19005-3 §6.3.2";
        public const string Actions = "ISO 19005-3 §6.5.1";
        public const string AdditionalActions = "ISO 19005-3 §6.5.2";
        public const string Metadata = "ISO 19005-3 §6.6.2.1";
        public const string XmpSchemas = "ISO 19005-3 §6.6.2.3.1";
        public const string Identification = "ISO 19005-3 §6.6.4";
        public const string EmbeddedFiles = "ISO 19005-3 §6.8";
    }

    public static class PdfUa1
    {
        public const string Identification = "ISO 14289-1 §5";
        public const string MarkInfo = "ISO 14289-1 §6.2";
        public const string General = "ISO 14289-1 §7.1";
        public const string Language = "ISO 14289-1 §7.2";
        public const string Figures = "ISO 14289-1 §7.3";
        public const string Headings = "ISO 14289-1 §7.4.2";
        public const string Tables = "ISO 14289-1 §7.5";
        public const string Notes = "ISO 14289-1 §7.9";
        public const string EmbeddedFiles = "ISO 14289-1 §7.11";
        public const string Annotations = "ISO 14289-1 §7.18.1";
        public const string TabOrder = "ISO 14289-1 §7.18.3";
        public const string Links = "ISO 14289-1 §7.18.5";
        public const string FontEmbedding = "ISO 14289-1 §7.21.4.1";
        public const string FontWidths = "ISO 14289-1 §7.21.5";
        public const string ToUnicode = "ISO 14289-1 §7.21.7";
    }

    public static class Pdf
    {
        public const string Nesting = "ISO 32000-1 §14.8.4 (ISO 32000-2 Annex L)";
        public const string StructParent = "ISO 32000-1 §14.7.4.4";
        public const string FigureBBox = "ISO 32000-1 §14.8.5.4.3";
    }
}
