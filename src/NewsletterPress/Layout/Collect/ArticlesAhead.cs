using NewsletterPress.Content;
using NewsletterPress.Diagnostics;
using NewsletterPress.Manifest;
using NewsletterPress.Text;

namespace NewsletterPress.Layout.Collect;

/// <summary>
/// Articles set ahead on all cores, so that collecting them in order (<see cref="ArticleCollector"/>, on the calling
/// thread) finds their paragraphs already set. Everything that depends on the order of the articles stays where it was:
/// structure element ids, paragraph ids, warnings and whether an article may join the column run before it are made by
/// the one collection in order, exactly as without this. Each article is first collected on a worker with a structure and
/// warnings of its own, which are thrown away; what is kept is only its paragraphs' settings (<see cref="SettingsAhead"/>),
/// a pure function of the text and the format, which the collection in order then takes instead of setting them again.
/// So the output is the same bytes with and without it, and the collection in order costs little more than its
/// bookkeeping (setting paragraphs is nearly all of collecting). The calling thread helps set articles ahead while it
/// waits for the next one; with no worker at all it sets each article ahead itself, just before collecting it.
/// </summary>
internal sealed class ArticlesAhead : IDisposable
{
    /// <summary>Turns parallel collection off (0) or on even on a single core (1); unset, it is on when the machine has
    /// more than one core and the issue more than one article.</summary>
    public const string EnvironmentVariable = "NEWSLETTERPRESS_PARALLEL";

    private readonly Issue _issue;
    private readonly IReadOnlyList<Article> _articles;
    private readonly ParagraphSetter _setter;
    private readonly LayoutConfig _config;
    private readonly TypeScale _scale;
    private readonly SettingsAhead[] _settings;
    /// <summary>Completed when the article is set ahead (or its setting ahead stopped at an error).</summary>
    private readonly TaskCompletionSource[] _done;
    /// <summary>The last article a thread took to set ahead: threads take them in order.</summary>
    private int _taken = -1;

    private ArticlesAhead(Issue issue, IReadOnlyList<Article> articles, ParagraphSetter setter, LayoutConfig config, TypeScale scale)
    {
        (_issue, _articles, _setter, _config, _scale) = (issue, articles, setter, config, scale);
        _settings = [.. articles.Select(_ => new SettingsAhead())];
        _done = [.. articles.Select(_ => new TaskCompletionSource())];
    }

    /// <summary>How many threads collect the articles: 1 (one after another, nothing set ahead) or more (the calling
    /// thread and workers). <paramref name="setting"/> is the environment variable's value.</summary>
    public static int Threads(string? setting, int cores, int articles) => setting?.Trim() switch
    {
        _ when articles < 2 => 1,
        "0" => 1,
        "1" => Math.Clamp(cores, 2, articles),
        _ => Math.Min(cores, articles),
    };

    public static int Threads(int articles) =>
        Threads(Environment.GetEnvironmentVariable(EnvironmentVariable), Environment.ProcessorCount, articles);

    /// <summary>Starts setting the articles ahead on <paramref name="threads"/> − 1 workers; null when
    /// <paramref name="threads"/> is 1.</summary>
    public static ArticlesAhead? Start(Issue issue, IReadOnlyList<Article> articles, ParagraphSetter setter, LayoutConfig config,
        TypeScale scale, int threads)
    {
        if (threads < 2) return null;
        var ahead = new ArticlesAhead(issue, articles, setter, config, scale);
        for (int w = 1; w < threads; w++)
            ThreadPool.UnsafeQueueUserWorkItem(static a => { while (a.SetNextAhead()) { } }, ahead, preferLocal: false);
        return ahead;
    }

    /// <summary>Calls answered from settings made ahead, and calls that had to set their paragraph themselves (an
    /// opener of a width not set ahead, or an article whose setting ahead stopped at an error).</summary>
    public int Taken => _settings.Sum(s => s.Taken);
    public int Missed => _settings.Sum(s => s.Missed);

    /// <summary>Waits until article <paramref name="index"/> is set ahead (setting later ones meanwhile), then has the
    /// setter take its settings until the returned scope is disposed.</summary>
    public IDisposable For(int index)
    {
        while (!_done[index].Task.IsCompleted)
        {
            if (!SetNextAhead()) _done[index].Task.Wait();
        }
        return _setter.TakingFrom(_settings[index]);
    }

    /// <summary>Takes the next article no thread has taken and sets it ahead; false when none is left.</summary>
    private bool SetNextAhead()
    {
        int index = Interlocked.Increment(ref _taken);
        if (index >= _articles.Count) return false;
        try
        {
            SetAhead(index);
        }
        finally
        {
            _done[index].SetResult();
        }
        return true;
    }

    /// <summary>Collects the article as the collection in order will, keeping only its settings. It is offered both
    /// openers (across the columns and a column wide), as which it gets depends on the article before.</summary>
    private void SetAhead(int index)
    {
        var collector = new ArticleCollector(_issue, _setter.RecordingInto(_settings[index]), _config, _scale, new WarningLog(),
            new StructureBuilder());
        try
        {
            collector.Collect(_articles[index], _issue.Articles[index], index, joinsColumnRun: false, mayRunIn: index > 0);
        }
        catch (Exception)
        {
            // Whatever stopped it (an error in the article) stops the collection in order at the same place, which
            // reports it as a build without parallel collection does; the settings made before it are kept.
        }
    }

    /// <summary>Stops the workers taking more articles and waits for those still setting one: they shape with the
    /// build's fonts, which are disposed after the layout (the collection in order may have stopped at an error early).
    /// A worker that starts later finds no article left and touches nothing.</summary>
    public void Dispose()
    {
        int taken = Math.Min(Interlocked.Exchange(ref _taken, _articles.Count), _articles.Count - 1);
        for (int i = 0; i <= taken; i++) _done[i].Task.Wait();
    }
}
