using System.Collections.Immutable;
using NewsletterPress.Text;

namespace NewsletterPress.Tests.Text;

/// <summary>The Text stage on several threads at once, as parallel collection uses it: one font library (HarfBuzz fonts
/// shared), the hyphenation cache shared, ICU iterators and the breaker's buffers per thread.</summary>
public sealed class ConcurrentSettingTests(TextSetting text) : IClassFixture<TextSetting>
{
    private static readonly TextStyle Body = new(FaceFamily.Serif, 9.5);

    /// <summary>English (hyphenated) and Japanese paragraphs of vol-11 and the long-article sample, at two measures.</summary>
    private static List<(IReadOnlyList<TextRun> Runs, ParagraphFormat Format)> Paragraphs() =>
        [.. TextSetting.WorldReportParagraphs().Concat(TextSetting.LongEnglishParagraphs()).Select(p => (p, "en"))
            .Concat(TextSetting.JapaneseParagraphs().Select(p => (p, "ja")))
            .SelectMany(p => new[] { 230.0, 480.0 }.Select(width =>
                ((IReadOnlyList<TextRun>)[new TextRun(p.Item1, Body)], new ParagraphFormat(width, 0, true, p.Item2, 9.5))))];

    private static void AssertSameLines(ImmutableArray<TextLine> expected, ImmutableArray<TextLine> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Text, actual[i].Text);
            Assert.Equal(expected[i].NaturalWidth, actual[i].NaturalWidth);
            Assert.True(expected[i].Glyphs.SequenceEqual(actual[i].Glyphs), $"line {i} \"{actual[i].Text}\": other glyphs or positions");
        }
    }

    [Fact]
    public void Paragraphs_set_on_four_threads_at_once_are_set_exactly_as_on_one()
    {
        var paragraphs = Paragraphs();
        Assert.True(paragraphs.Count > 60, $"{paragraphs.Count} paragraphs");
        var alone = paragraphs.Select(p => text.Setter.Set(p.Runs, p.Format)).ToList();

        // Each thread sets every paragraph, from a different start, so that threads shape the same words in the same
        // faces at the same moment.
        var together = new ImmutableArray<TextLine>[4][];
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, t =>
        {
            together[t] = new ImmutableArray<TextLine>[paragraphs.Count];
            for (int k = 0; k < paragraphs.Count; k++)
            {
                int p = (k + t * paragraphs.Count / 4) % paragraphs.Count;
                together[t][p] = text.Setter.Set(paragraphs[p].Runs, paragraphs[p].Format);
            }
        });
        for (int t = 0; t < 4; t++)
            for (int p = 0; p < paragraphs.Count; p++)
                AssertSameLines(alone[p], together[t][p]);
    }

    [Fact]
    public async Task A_setting_made_ahead_on_another_thread_is_taken_once_by_an_equal_call_and_a_call_without_one_sets_itself()
    {
        var paragraphs = Paragraphs().Take(6).ToList();
        var ahead = new SettingsAhead();
        var recorder = text.Setter.RecordingInto(ahead);
        var made = await Task.Run(() => paragraphs.Select(p => recorder.Set(p.Runs, p.Format)).ToList());

        var taker = new ParagraphSetter(text.Fonts);
        using (taker.TakingFrom(ahead))
        {
            // Another measure is another call: it finds nothing and sets the paragraph itself.
            var wider = taker.Set(paragraphs[0].Runs, paragraphs[0].Format with { Width = 300 });
            Assert.Equal((0, 1), (ahead.Taken, ahead.Missed));
            Assert.Equal(300, wider[0].Width);
            for (int p = 0; p < paragraphs.Count; p++)
            {
                // Equal runs, not the same objects: the call is compared by value.
                var runs = paragraphs[p].Runs.Select(r => r with { }).ToList();
                var taken = taker.Set(runs, paragraphs[p].Format with { });
                Assert.True(taken == made[p], "the very setting made ahead");
            }
            Assert.Equal((paragraphs.Count, 1), (ahead.Taken, ahead.Missed));
            // Asked again, nothing is left for it: it is set anew, to the same lines.
            var again = taker.Set(paragraphs[0].Runs, paragraphs[0].Format);
            Assert.False(again == made[0]);
            AssertSameLines(made[0], again);
            Assert.Equal(2, ahead.Missed);
        }
        // Once the scope ends, the setter no longer looks.
        taker.Set(paragraphs[2].Runs, paragraphs[2].Format);
        Assert.Equal(2, ahead.Missed);
    }
}
