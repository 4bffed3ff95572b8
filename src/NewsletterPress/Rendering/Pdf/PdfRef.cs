namespace NewsletterPress.Rendering.Pdf;

/// <summary>An indirect reference "n 0 R" (ISO 32000-1 §7.3.10). We never write generations other than 0.</summary>
internal readonly record struct PdfRef(int Number)
{
    public override string ToString() => PdfSyntax.Integer(Number) + " 0 R";
}
