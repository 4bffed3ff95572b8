namespace NewsletterPress.Watch;

/// <summary>
/// Tells when the files of an issue folder have changed, once the editor has stopped saving for a
/// moment: an editor's save is often several events (a temporary file written, renamed, its
/// attributes set), and one rebuild should follow them all. Hidden files and editor backups
/// (.swp, ~) are not the volume's sources and do not count.
/// </summary>
public sealed class FolderWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly SemaphoreSlim _changed = new(0);
    private readonly TimeSpan _quiet;
    private long _lastChange;

    /// <param name="quiet">How long no event must arrive before a change is reported.</param>
    public FolderWatcher(string folder, TimeSpan quiet)
    {
        _quiet = quiet;
        _watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += OnEvent;
        _watcher.Created += OnEvent;
        _watcher.Deleted += OnEvent;
        _watcher.Renamed += (_, e) =>
        {
            if (Counts(e.OldFullPath) || Counts(e.FullPath)) Touch();
        };
        // An overflow lost events: rebuild to be safe.
        _watcher.Error += (_, _) => Touch();
        _watcher.EnableRaisingEvents = true;
    }

    private void OnEvent(object sender, FileSystemEventArgs e)
    {
        if (Counts(e.FullPath)) Touch();
    }

    private void Touch()
    {
        Interlocked.Exchange(ref _lastChange, Environment.TickCount64);
        if (_changed.CurrentCount == 0) _changed.Release();
    }

    /// <summary>False for hidden files and folders and editor backups: not the volume's sources.</summary>
    private bool Counts(string path)
    {
        var relative = Path.GetRelativePath(_watcher.Path, path);
        var name = Path.GetFileName(path);
        return !relative.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.'))
            && !name.EndsWith('~') && !name.EndsWith(".swp", StringComparison.Ordinal) && !name.EndsWith(".swx", StringComparison.Ordinal)
            && name != "4913"; // vim's probe that a folder is writable
    }

    /// <summary>Waits for a change, then for the folder to be quiet; false when cancelled.</summary>
    public async Task<bool> NextChangeAsync(CancellationToken cancel)
    {
        try
        {
            await _changed.WaitAsync(cancel).ConfigureAwait(false);
            while (true)
            {
                var since = TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastChange));
                if (since >= _quiet) break;
                await Task.Delay(_quiet - since, cancel).ConfigureAwait(false);
            }
            // Events of the same burst that arrived while waiting are part of this change.
            while (_changed.CurrentCount > 0) _changed.Wait(0, cancel);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _changed.Dispose();
    }
}
