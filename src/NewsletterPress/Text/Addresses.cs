using System.Text.RegularExpressions;

namespace NewsletterPress.Text;

/// <summary>
/// URLs and e-mail addresses in a paragraph's text. A line may break inside one only after one of its separators
/// (<c>/ . - _ ? &amp; = @</c>, never between the two slashes of <c>//</c>), never with an inserted hyphen: the printed
/// address must stay the address (issue 12; as style manuals advise for URLs). Where ICU would break
/// elsewhere (after a <c>%</c>, between letters and digits) the break is taken away, and hyphenation leaves the
/// address alone.
/// </summary>
internal static partial class Addresses
{
    /// <summary>After these a line may end inside an address.</summary>
    private const string Separators = "/.-_?&=@";

    /// <summary>A URL with a scheme or starting www., in printable ASCII (a Japanese sentence goes on right after it
    /// without a space); an e-mail address.</summary>
    [GeneratedRegex(@"(?:\b[A-Za-z][A-Za-z0-9+.-]*://|\bwww\.)[!-~]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")]
    private static partial Regex Address();

    /// <summary>Sentence punctuation that follows an address rather than ends it ("see https://example.org.").</summary>
    private const string TrailingPunctuation = ".,;:!?'\")]}>";

    /// <summary>Restricts <paramref name="mayBreak"/> inside every address of <paramref name="text"/> to its separators,
    /// and returns, per UTF-16 index, whether the character belongs to an address (null when there is none).</summary>
    public static bool[]? KeepBreaksAtSeparators(string text, bool[] mayBreak)
    {
        bool[]? inAddress = null;
        // Every address holds one of these: most paragraphs have none, and are not searched (the search tries the
        // e-mail pattern from every letter of every word, 2 % of a build of the twenty articles).
        if (!text.Contains('@') && !text.Contains("://", StringComparison.Ordinal) && !text.Contains("www.", StringComparison.Ordinal))
            return null;
        foreach (Match match in Address().Matches(text))
        {
            int start = match.Index, end = match.Index + match.Length;
            while (end > start + 1 && TrailingPunctuation.Contains(text[end - 1], StringComparison.Ordinal)
                   && !(text[end - 1] == ')' && text.AsSpan(start, end - start).Contains('('))) end--;
            inAddress ??= new bool[text.Length];
            for (int i = start; i < end; i++)
            {
                inAddress[i] = true;
                if (i > start) mayBreak[i] = Separators.Contains(text[i - 1], StringComparison.Ordinal) && !(text[i - 1] == '/' && text[i] == '/');
            }
        }
        return inAddress;
    }
}
