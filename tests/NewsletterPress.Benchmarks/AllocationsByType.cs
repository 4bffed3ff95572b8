using System.Diagnostics.Tracing;

namespace NewsletterPress.Benchmarks;

/// <summary>
/// What a build allocates, by type: builds an issue once in this process and listens to the runtime's allocation ticks
/// (an event about every 100 KB allocated, naming the type of the object that crossed the mark), so that each type's
/// share of the ticks is its share of the bytes. Garbage collection is a fifth of a build's CPU, and its cost follows
/// the bytes allocated; perf shows where a collection happened to start, this shows what filled the heap.
/// <c>dotnet run -c Release --project tests/NewsletterPress.Benchmarks -- --allocations ISSUE-FOLDER</c>
/// (the JIT's own allocations are in it too, a few MB; set NEWSLETTERPRESS_PARALLEL=0 to see one thread's work).
/// </summary>
internal sealed class AllocationsByType : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytes = [];

    public static void Run(string folder)
    {
        using var listener = new AllocationsByType();
        var output = Path.Combine(Path.GetTempPath(), $"allocations-{Environment.ProcessId}.pdf");
        try
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            IssueBuild.ToPdf(folder, output);
            long total = GC.GetTotalAllocatedBytes(precise: true) - before;
            Console.WriteLine($"{total / 1048576.0:F1} MB allocated; collections: {GC.CollectionCount(0) - collections[0]} " +
                              $"(gen 1: {GC.CollectionCount(1) - collections[1]}, gen 2: {GC.CollectionCount(2) - collections[2]})");
            Console.WriteLine();
            Console.WriteLine("| MB | type |");
            Console.WriteLine("|---:|---|");
            lock (listener._bytes)
                foreach (var (type, bytes) in listener._bytes.OrderByDescending(kv => kv.Value).Take(30))
                    Console.WriteLine($"| {bytes / 1048576.0:F1} | {type} |");
        }
        finally
        {
            File.Delete(output);
        }
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || e.Payload is null || e.PayloadNames is null)
            return;
        var type = e.Payload[e.PayloadNames.IndexOf("TypeName")] as string ?? "?";
        long amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        lock (_bytes)
            _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
    }
}
