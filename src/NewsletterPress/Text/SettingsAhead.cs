using System.Diagnostics.CodeAnalysis;

namespace NewsletterPress.Text;

/// <summary>
/// Paragraphs set ahead of the call that needs them, on another thread: a <see cref="ParagraphSetter"/> recording into
/// this keeps each setting it makes, and a setter taking from it answers a call with equal runs and format with one of
/// them, each at most once. Setting a paragraph is a pure function of its runs and format, so a setting taken from here
/// is the very setting the call would have made; a call for which none was made sets the paragraph itself. The layout
/// sets articles ahead this way on all cores, then collects them in order (<c>Layout/Collect/ArticlesAhead.cs</c>).
/// </summary>
/// <remarks>Not thread-safe, and it need not be: one thread records, and another takes only after it is told that the
/// recording is over.</remarks>
internal sealed class SettingsAhead
{
    /// <summary>The settings made, per call; two equal calls (a table's cells are measured twice) keep two settings, so
    /// that each caller gets its own, as if it had set the paragraph itself.</summary>
    private readonly Dictionary<SettingCall, Queue<object>> _made = [];

    /// <summary>Calls answered from here, and calls that found nothing and set their paragraph themselves.</summary>
    public int Taken { get; private set; }
    public int Missed { get; private set; }

    public void Add(SettingCall call, object setting)
    {
        if (!_made.TryGetValue(call, out var settings)) _made[call] = settings = new Queue<object>(1);
        settings.Enqueue(setting);
    }

    public bool TryTake<T>(SettingCall call, [MaybeNullWhen(false)] out T setting)
    {
        if (_made.TryGetValue(call, out var settings) && settings.TryDequeue(out var made))
        {
            if (settings.Count == 0) _made.Remove(call);
            Taken++;
            setting = (T)made;
            return true;
        }
        Missed++;
        setting = default;
        return false;
    }
}

/// <summary>One call to the setter, compared by value: its runs one by one, its format, and which other settings it
/// asks about (<see cref="ParagraphSetter.SetWithLoosened"/>; null for a plain <see cref="ParagraphSetter.Set"/>).</summary>
internal readonly record struct SettingCall(IReadOnlyList<TextRun> Runs, ParagraphFormat Format, Func<int, int, bool>? Wanted)
{
    public bool Equals(SettingCall other)
    {
        if (!Format.Equals(other.Format) || !Equals(Wanted, other.Wanted) || Runs.Count != other.Runs.Count) return false;
        for (int i = 0; i < Runs.Count; i++)
            if (!Runs[i].Equals(other.Runs[i])) return false;
        return true;
    }

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Format);
        hash.Add(Wanted);
        foreach (var run in Runs) hash.Add(run);
        return hash.ToHashCode();
    }
}
