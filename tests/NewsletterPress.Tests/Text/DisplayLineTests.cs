using NewsletterPress.Text;
using NewsletterPress.Text.Phrases;

namespace NewsletterPress.Tests.Text;

/// <summary>
/// Display lines (ParagraphFormat.Display): Japanese titles break only between phrases (BudouX) and multi-line titles are
/// balanced (issue 12). The corpus is newsletter-style headlines; each is written here as BudouX 0.9.2's own JavaScript
/// parser (npm package budoux, <c>new Parser(model).parse</c> with its Japanese model) divides it, "|" between phrases.
/// </summary>
public sealed class DisplayLineTests(TextSetting setting) : IClassFixture<TextSetting>
{
    private static readonly string[] Headlines =
    [
        "2022年度事業計画：市民社会の|発展を|模索する|機会の|創出",
        "アジアに|おける|NGOの|新たな|役割|（インドネシア・ジャカルタ）",
        "新型コロナウイルス感染症に|対する|中国NGOの|国際的対応",
        "市民社会組織と|地方|自治体の|協働に|関する|調査報告",
        "子どもの|居場所づくりを|支える|地域の|ネットワーク",
        "東日本大震災から|十年、|被災地の|復興と|市民活動",
        "商店街の|空き店舗が|「まちの|図書室」に|なるまで",
        "ボランティア募集の|お知らせ",
        "国際交流の|一環と|して|海外からの|視察団を|受け入れました",
        "気候変動と|向き合う|若者たちの|声を|政策に|届ける|ために",
        "中央アジアの|市民社会：タジキスタンの|現状と|課題",
        "持続可能な|開発目標の|達成に|向けた|企業と|NPOの|連携",
        "多文化共生社会の|実現を|目指す外国人支援の|取り組み",
        "高齢者の|孤立を|防ぐ|見守り|活動の|広がり",
        "寄附文化の|醸成に|向けた|クラウドファンディングの|活用",
        "オンライン会議で|変わる|国際協力の|現場から",
        "災害時の|情報発信と|SNSの|役割を|考える|シンポジウム報告",
        "フェアトレード商品を|通じて|途上国の|生産者と|つながる",
        "地域の|食品ロス削減に|取り組むフードバンクの|挑戦",
        "学生ボランティアが|見た|被災地の|今",
        "市民社会分野に|おける|研究交流の|成果と|今後の|展望",
        "ジェンダー平等を|実現する|ための|市民社会の|役割",
        "難民支援の|現場で|求められる|専門性とは|何か",
        "NPO法人の|会計と|情報公開に|関する|基礎講座の|ご案内",
    ];

    public static TheoryData<string> Corpus() => new(Headlines);

    private const double Size = 16;

    private static ParagraphFormat Display(double widthInEm) => new(widthInEm * Size, 0, false, "ja", Size, Display: true);

    /// <summary>Where the reference parser puts phrase boundaries: UTF-16 offsets into the headline.</summary>
    private static HashSet<int> ReferenceBoundaries(string divided)
    {
        var boundaries = new HashSet<int>();
        int offset = 0;
        foreach (var phrase in divided.Split('|').SkipLast(1))
            boundaries.Add(offset += phrase.Length);
        return boundaries;
    }

    private IReadOnlyList<TextLine> Set(string text, ParagraphFormat format) =>
        setting.Setter.Set([new TextRun(text, new TextStyle(FaceFamily.Sans, Size, Bold: true))], format);

    /// <summary>Where the lines of a set headline break: offsets into its text.</summary>
    private static List<int> Breaks(IReadOnlyList<TextLine> lines)
    {
        var breaks = new List<int>();
        int offset = 0;
        foreach (var line in lines.SkipLast(1)) breaks.Add(offset += line.Text.Length);
        return breaks;
    }

    private double Width(string text) => Assert.Single(Set(text, Display(100))).NaturalWidth;

    /// <summary>How wide the phrase around offset <paramref name="at"/> is, set alone on one line.</summary>
    private double PhraseWidth(string text, HashSet<int> boundaries, int at)
    {
        int start = boundaries.Where(b => b < at).DefaultIfEmpty(0).Max();
        int end = boundaries.Where(b => b > at).DefaultIfEmpty(text.Length).Min();
        return Width(text[start..end]);
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void The_phrase_model_divides_a_headline_as_BudouX_does(string divided)
    {
        var text = divided.Replace("|", "", StringComparison.Ordinal);
        var found = PhraseBoundaries.Japanese.Find(text);
        var expected = ReferenceBoundaries(divided);
        Assert.Equal(expected.Order(), Enumerable.Range(1, text.Length - 1).Where(i => found[i]));
    }

    [Fact]
    public void Japanese_titles_break_only_between_phrases_and_two_line_titles_are_balanced()
    {
        int twoLine = 0, unbalanceable = 0, bodyBreaksInsidePhrases = 0;
        foreach (var divided in Headlines)
        {
            var text = divided.Replace("|", "", StringComparison.Ordinal);
            var boundaries = ReferenceBoundaries(divided);
            foreach (var width in new[] { 9, 11, 14 })
            {
                var lines = Set(text, Display(width));
                Assert.Equal(text, string.Concat(lines.Select(l => l.Text)));
                Assert.All(lines, l => Assert.False(l.Overfull, l.Text));
                Assert.All(lines, l => Assert.True(l.NaturalWidth <= width * Size + 0.01, l.Text));
                foreach (var at in Breaks(lines).Where(at => !boundaries.Contains(at)))
                    // Only a phrase wider than the measure may break inside.
                    Assert.True(PhraseWidth(text, boundaries, at) > width * Size,
                        $"\"{text}\" at {width} em breaks inside a phrase: {string.Join(" / ", lines.Select(l => l.Text))}");
                if (lines.Count == 2)
                {
                    // Balanced: within a fifth of the measure when some split between phrases is; never less even than
                    // the most even split between phrases.
                    twoLine++;
                    double difference = Math.Abs(lines[0].NaturalWidth - lines[1].NaturalWidth);
                    var splits = boundaries.Select(b => (First: Width(text[..b]), Second: Width(text[b..])))
                        .Where(s => s.First <= width * Size && s.Second <= width * Size).ToList();
                    if (splits.Count == 0) continue; // a phrase wider than the measure had to break inside
                    double best = splits.Min(s => Math.Abs(s.First - s.Second));
                    string shown = string.Join(" / ", lines.Select(l => $"{l.Text} ({l.NaturalWidth:0})"));
                    Assert.True(difference <= best + 0.5, $"\"{text}\" at {width} em is less even than it could be: {shown}");
                    if (best <= 0.2 * width * Size) Assert.True(difference <= 0.2 * width * Size, $"\"{text}\" at {width} em: {shown}");
                    else unbalanceable++;
                }
                // The same headline set as body text breaks wherever JLREQ allows, inside words too.
                var body = Set(text, Display(width) with { Display = false });
                bodyBreaksInsidePhrases += Breaks(body).Count(at => !boundaries.Contains(at));
            }
        }
        Assert.True(twoLine >= 20, $"only {twoLine} two-line settings");
        // Phrases are coarse at title sizes: at 9-14 ems of 16 pt about a third of the two-line settings have no split
        // between phrases within a fifth of the measure, and take the most even one there is.
        Assert.True(unbalanceable < twoLine / 2, $"{unbalanceable} of {twoLine} two-line settings have no split within a fifth");
        Assert.True(bodyBreaksInsidePhrases > 10, "the corpus should tempt a body setting to break inside phrases");
    }

    [Fact]
    public void A_display_line_that_fits_is_one_line_and_a_phrase_wider_than_the_measure_still_breaks()
    {
        Assert.Single(Set("ボランティア募集のお知らせ", Display(20)));
        // 「クラウドファンディングの」 is one phrase, wider than 5 ems: it breaks where body text would, not past the edge.
        var lines = Set("寄附文化の醸成に向けたクラウドファンディングの活用", Display(5));
        Assert.All(lines, l => Assert.True(l.NaturalWidth <= 5 * Size + 0.01 && !l.Overfull, l.Text));
        Assert.Equal("寄附文化の醸成に向けたクラウドファンディングの活用", string.Concat(lines.Select(l => l.Text)));
    }

    [Fact]
    public void English_display_lines_are_balanced_and_never_hyphenated()
    {
        var text = "Practice and Future Trends on Chinese NGOs\u2019 Global Responses to COVID-19";
        var lines = setting.Setter.Set([new TextRun(text, new TextStyle(FaceFamily.Sans, Size, Bold: true))],
            new ParagraphFormat(30 * Size, 0, false, "en", Size, Display: true));
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.False(l.Hyphenated));
        Assert.True(Math.Abs(lines[0].NaturalWidth - lines[1].NaturalWidth) <= 0.2 * 30 * Size,
            string.Join(" / ", lines.Select(l => $"{l.Text} ({l.NaturalWidth:0})")));
    }
}
