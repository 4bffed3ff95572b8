namespace NewsletterPress.Preflight;

/// <summary>
/// Which standard structure types may not contain which (ISO 32000-2 Annex L, the parent–child
/// table that veraPDF's Tagged PDF profile applies to the ISO 32000-1 types), and which may not
/// hold marked content directly ("content"). "Hn" stands for H1 to H6. Types not listed as parents
/// here are not restricted.
/// </summary>
internal static class StructureNesting
{
    private const string Ruby = "RB RT RP WT WP";
    private const string TableParts = "TR TH TD THead TBody TFoot";

    private static readonly Dictionary<string, string> Forbidden = new(StringComparer.Ordinal)
    {
        ["Root"] = $"Part Art Div Sect TOC TOCI BlockQuote P Note Code Hn H Lbl Span Quote Link Reference Annot Form Ruby {Ruby} Warichu Index L LI LBody BibEntry Table {TableParts} Caption Figure Formula content",
        ["Document"] = $"TOCI Lbl Span Quote Reference Ruby {Ruby} Warichu LI LBody BibEntry {TableParts} Caption content",
        ["Part"] = $"Span Quote Ruby {Ruby} Warichu LI LBody {TableParts} content",
        ["Div"] = "content",
        ["Art"] = $"Document Art TOCI Span Quote Reference Ruby {Ruby} Warichu LI LBody BibEntry {TableParts} content",
        ["Sect"] = $"Document TOCI Span Quote Reference Ruby {Ruby} Warichu LI LBody BibEntry {TableParts} content",
        ["TOC"] = $"Document Part Art Div Sect BlockQuote P Note Code Hn H Lbl Span Quote Link Reference Annot Form Ruby {Ruby} Warichu Index L LI LBody BibEntry Table {TableParts} Caption Figure Formula content",
        ["TOCI"] = $"Document Part Art Sect TOCI BlockQuote Note Code Hn H Span Quote Link Annot Form Ruby {Ruby} Warichu Index L LI LBody BibEntry Table {TableParts} Caption Figure Formula content",
        ["BlockQuote"] = $"TOCI BlockQuote Span Quote Ruby {Ruby} Warichu LI LBody BibEntry {TableParts}",
        ["P"] = $"Document Part Art Div Sect TOC TOCI BlockQuote P Hn H {Ruby} Index LI LBody Table {TableParts} Caption",
        ["Note"] = $"Document TOC TOCI Hn H {Ruby} LI LBody {TableParts}",
        ["Hn"] = $"Document Part Div TOC TOCI BlockQuote P Hn H {Ruby} Index L LI LBody Table {TableParts} Caption",
        ["H"] = $"Document Part Div TOC TOCI BlockQuote P Hn H {Ruby} Index L LI LBody Table {TableParts} Caption",
        ["Lbl"] = $"Document Part Art Div Sect TOC TOCI BlockQuote P Hn H Lbl {Ruby} Index L LI LBody Table {TableParts} Caption",
        ["Span"] = $"Document Part Art Div Sect TOC TOCI BlockQuote P Hn H {Ruby} Index L LI LBody Table {TableParts} Caption",
        ["Quote"] = $"Document Part Art Div Sect TOC TOCI BlockQuote P Hn H {Ruby} Index L LI LBody Table {TableParts} Caption",
        ["Link"] = $"Document TOC TOCI Link {Ruby} Index LI LBody {TableParts}",
        ["Reference"] = $"Document Part Art Div Sect TOC TOCI BlockQuote P Code Hn H Quote Reference Form Ruby {Ruby} Warichu Index L LI LBody Table {TableParts} Caption Formula",
        ["Annot"] = $"Document TOC TOCI Private {Ruby} Index LI LBody {TableParts}",
        ["L"] = $"Document Part Art Div Sect TOC TOCI BlockQuote P Note Code Hn H Lbl Span Quote Link Reference Annot Form Ruby {Ruby} Warichu Index LBody BibEntry Table {TableParts} Figure Formula content",
        ["LI"] = $"Document Part Art Sect TOC TOCI BlockQuote P Note Code Hn H Span Quote Link Reference Annot Form Ruby {Ruby} Warichu Index L LI BibEntry Table {TableParts} Caption Figure Formula",
        ["LBody"] = $"Document TOC TOCI Lbl {Ruby} LI LBody {TableParts}",
        ["Table"] = $"Document Part Art Div Sect TOC TOCI BlockQuote P Note Code Hn H Lbl Span Quote Link Reference Annot Form Ruby {Ruby} Warichu Index L LI LBody BibEntry Table TH TD Figure Formula content",
        ["TR"] = $"Document Part Art Div Sect TOC TOCI BlockQuote P Note Code Hn H Lbl Span Quote Link Reference Annot Form Ruby {Ruby} Warichu Index L LI LBody BibEntry Table TR THead TBody TFoot Caption Figure Formula content",
        ["TH"] = $"Document Part TOC TOCI BlockQuote {Ruby} LI LBody {TableParts} Caption",
        ["TD"] = $"Document Part TOC TOCI BlockQuote {Ruby} LI LBody {TableParts} Caption",
        ["Caption"] = $"Document TOC TOCI {Ruby} LI LBody {TableParts} Caption",
        ["Figure"] = $"Document TOC TOCI {Ruby} LI LBody {TableParts}",
        ["Formula"] = $"Document Art Sect TOC TOCI {Ruby} LI LBody {TableParts}",
    };

    private static readonly Dictionary<string, HashSet<string>> Sets =
        Forbidden.ToDictionary(e => e.Key, e => new HashSet<string>(e.Value.Split(' ').SelectMany(Expand), StringComparer.Ordinal));

    private static IEnumerable<string> Expand(string type) => type == "Hn" ? ["H1", "H2", "H3", "H4", "H5", "H6"] : [type];

    private static string Row(string parent) => parent is "H1" or "H2" or "H3" or "H4" or "H5" or "H6" ? "Hn" : parent;

    /// <summary>Whether a <paramref name="parent"/> element (or "Root" for the tree root) may contain a <paramref name="kid"/>.</summary>
    public static bool Allows(string parent, string kid) =>
        !Sets.TryGetValue(Row(parent), out var forbidden) || !forbidden.Contains(kid);

    /// <summary>Whether an element of this type may hold marked content directly.</summary>
    public static bool AllowsContent(string parent) => Allows(parent, "content");
}
