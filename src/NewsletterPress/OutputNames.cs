using System.Security.Cryptography;
using System.Text;
using NewsletterPress.Manifest;
using NewsletterPress.Text;

namespace NewsletterPress;

/// <summary>
/// The name output files take: civil-society-forum-vol-11[-print|-print-x1a|-archive].pdf. The slug
/// is the manifest's <c>slug:</c> when given, else the masthead transliterated to ASCII by ICU
/// ("Any-Latin; Latin-ASCII": kana to rōmaji, kanji in their pinyin reading, accents dropped), so that
/// two newsletters of different names never share a file name; a masthead with no letters ICU can
/// write in Latin gets a short hash of itself instead, never a generic word.
/// </summary>
public static class OutputNames
{
    /// <summary>Slugs stay short enough for any file system and a URL, cut at a word.</summary>
    private const int MaxSlug = 60;

    private static readonly Lazy<IcuTransliterator> ToAscii = new(() => new IcuTransliterator("Any-Latin; Latin-ASCII; Lower"));

    public static string Slug(Issue issue) => issue.Slug ?? Transliterate(issue.Newsletter);

    public static string Transliterate(string masthead)
    {
        string latin = ToAscii.Value.Transform(SpacedScripts(masthead));
        var slug = new StringBuilder();
        foreach (var c in latin)
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(char.ToLowerInvariant(c));
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var text = slug.ToString().Trim('-');
        if (text.Length > MaxSlug)
            text = text[..(text.LastIndexOf('-', MaxSlug) is > 0 and var cut ? cut : MaxSlug)].Trim('-');
        return text.Length > 0 ? text : "newsletter-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(masthead)))[..8];
    }

    /// <summary>A space where kanji meet kana (ICU spaces the syllables of Han only): 社会フォーラム → 社会 フォーラム.</summary>
    private static string SpacedScripts(string text)
    {
        static int Script(char c) => c switch
        {
            >= '\u3040' and <= '\u309F' => 1, // hiragana
            >= '\u30A0' and <= '\u30FF' => 2, // katakana
            >= '\u3400' and <= '\u9FFF' => 3, // CJK ideographs
            _ => 0,
        };
        var spaced = new StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length; i++)
        {
            if (i > 0 && Script(text[i]) != Script(text[i - 1]) && (Script(text[i]) | Script(text[i - 1])) != 0) spaced.Append(' ');
            spaced.Append(text[i]);
        }
        return spaced.ToString();
    }

    /// <summary>civil-society-forum-vol-11-archive.pdf.</summary>
    public static string FileName(Issue issue, Rendering.Pdf.PdfProfile profile)
    {
        var suffix = profile switch
        {
            Rendering.Pdf.PdfProfile.Print => "-print",
            Rendering.Pdf.PdfProfile.PrintX1a => "-print-x1a",
            Rendering.Pdf.PdfProfile.Archive => "-archive",
            _ => "",
        };
        return $"{Slug(issue)}-vol-{issue.Volume}{suffix}.pdf";
    }
}
