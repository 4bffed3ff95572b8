using BenchmarkDotNet.Running;

namespace NewsletterPress.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project tests/NewsletterPress.Benchmarks -- --filter '*'</c>
/// (add <c>--job short</c> for a quick run). Not part of <c>dotnet test</c>.
/// </summary>
internal static class Program
{
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
