using BenchmarkDotNet.Running;

namespace NewsletterPress.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project tests/NewsletterPress.Benchmarks -- --filter '*'</c>
/// (add <c>--job short</c> for a quick run), or <c>-- --allocations ISSUE-FOLDER</c> for what one build allocates, by type
/// (<see cref="AllocationsByType"/>). Not part of <c>dotnet test</c>.
/// </summary>
internal static class Program
{
    private static void Main(string[] args)
    {
        if (args is ["--allocations", var folder])
            AllocationsByType.Run(folder);
        else
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
