namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// Opens and closes marked-content sequences (ISO 32000-1 §14.6) around a page's items when
/// the document is tagged: consecutive items of the same structure element share one
/// sequence "/Role &lt;&lt;/MCID n&gt;&gt; BDC … EMC" (§14.7.4.2); items of no element are
/// "/Artifact BMC … EMC" (§14.8.2.2). Does nothing for untagged documents.
/// </summary>
internal sealed class MarkedSequence(ContentStreamBuilder content, StructureTree.PageMarks? marks, StructureTree? tree)
{
    private bool _open;
    private int? _element;

    public void Enter(int? element)
    {
        if (marks is null || tree is null)
            return;
        if (_open && _element == element)
            return;
        Close();
        if (element is { } id)
            content.BeginMarkedContent(tree.RoleOf(id), new PdfDictionary().Integer("MCID", marks.Mark(id)));
        else
            content.BeginMarkedContent("Artifact");
        _open = true;
        _element = element;
    }

    public void Close()
    {
        if (!_open)
            return;
        content.EndMarkedContent();
        _open = false;
    }
}
