using System.Globalization;
using System.Text;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// The ToUnicode CMap of a Type 0 font (ISO 32000-1 §9.10.3): maps each 2-byte code
/// (here the glyph id, Identity-H) to the UTF-16BE text it stands for.
/// </summary>
internal static class ToUnicodeCMap
{
    /// <summary>bfchar blocks may hold at most 100 entries (Adobe Technical Note #5411).</summary>
    private const int MaxEntriesPerBlock = 100;

    public static byte[] Build(IEnumerable<(uint GlyphId, string Text)> mappings)
    {
        var entries = mappings.ToList();
        var sb = new StringBuilder();
        sb.Append("/CIDInit /ProcSet findresource begin\n")
          .Append("12 dict begin\n")
          .Append("begincmap\n")
          .Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
          .Append("/CMapName /Adobe-Identity-UCS def\n")
          .Append("/CMapType 2 def\n")
          .Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        for (var i = 0; i < entries.Count; i += MaxEntriesPerBlock)
        {
            var block = entries.Skip(i).Take(MaxEntriesPerBlock).ToList();
            sb.Append(block.Count.ToString(CultureInfo.InvariantCulture)).Append(" beginbfchar\n");
            foreach (var (gid, text) in block)
            {
                sb.Append('<').Append(gid.ToString("X4", CultureInfo.InvariantCulture)).Append("> <")
                  .Append(Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text))).Append(">\n");
            }
            sb.Append("endbfchar\n");
        }
        sb.Append("endcmap\n")
          .Append("CMapName currentdict /CMap defineresource pop\n")
          .Append("end\nend\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }
}
