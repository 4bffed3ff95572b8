using System.Security.Cryptography;
using System.Text.Json;
using NewsletterPress.Shared;

namespace NewsletterPress.Archive;

/// <summary>
/// build.json, attached to the archive beside the sources: which tool made the file (version, and the
/// commit when known), for which profile, the SHA-256 of every attached file, and what was left out and
/// why. An archivist checks the extracted files against it; <c>extract</c> does so itself. Written with
/// sorted entries and no clock, so it is as reproducible as the PDF.
/// </summary>
internal static class BuildRecord
{
    public const string FileName = "build.json";

    public sealed record Entry(string Name, byte[] Sha256, long Bytes);

    public sealed record LeftOut(string Name, string Reason);

    public static byte[] Write(string profile, IEnumerable<Entry> files, IEnumerable<LeftOut> leftOut)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteString("tool", "NewsletterPress");
            json.WriteString("version", ToolVersion.Version);
            if (ToolVersion.Commit is { } commit) json.WriteString("commit", commit);
            else json.WriteNull("commit");
            json.WriteString("profile", profile);
            json.WriteStartArray("files");
            foreach (var file in files.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("name", file.Name);
                json.WriteNumber("bytes", file.Bytes);
                json.WriteString("sha256", Convert.ToHexStringLower(file.Sha256));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("left-out");
            foreach (var file in leftOut.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("name", file.Name);
                json.WriteString("reason", file.Reason);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>The SHA-256 of each file a build.json lists, by name; null when the bytes are not a build record.</summary>
    public static IReadOnlyDictionary<string, string>? Hashes(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (!document.RootElement.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array) return null;
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in files.EnumerateArray())
                if (file.TryGetProperty("name", out var name) && file.TryGetProperty("sha256", out var hash)
                    && name.GetString() is { } n && hash.GetString() is { } h)
                    result[n] = h;
            return result;
        }
        catch (JsonException) { return null; }
    }

    public static Entry For(string name, byte[] bytes) => new(name, SHA256.HashData(bytes), bytes.Length);
}
