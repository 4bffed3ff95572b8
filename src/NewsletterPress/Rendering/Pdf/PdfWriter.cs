using NewsletterPress.Display;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>The PDF stage: turns a display list into a PDF 1.7 file (ISO 32000-1).</summary>
public static class PdfWriter
{
    /// <summary>
    /// Writes the document to <paramref name="outputPath"/> atomically: the bytes go to a
    /// temporary file in the same directory which is then renamed over the target, so a
    /// failed build never leaves a truncated PDF nor clobbers the previous good one.
    /// </summary>
    /// <exception cref="PdfWriterException">A font could not be read or subset, the display
    /// list refers to something that does not exist, or the file could not be written.</exception>
    public static void Write(DisplayDocument document, string outputPath, PdfWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrEmpty(outputPath);

        var fullPath = Path.GetFullPath(outputPath);
        var tempPath = Files.TemporaryFiles.For(fullPath);
        try
        {
            Files.TemporaryFiles.RemoveStale(fullPath);
            // Render first, so that a failure never even creates the temporary file.
            var bytes = WriteToBytes(document, options);
            using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(tempPath, fullPath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(tempPath);
            throw new PdfWriterException($"Could not write '{fullPath}': {ex.Message}", ex) { File = fullPath };
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }
    }

    /// <summary>Renders the document to PDF bytes in memory. Same input, same bytes.</summary>
    public static byte[] WriteToBytes(DisplayDocument document, PdfWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new DocumentWriter(document, options ?? PdfWriterOptions.Default).Write();
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path))
                File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the original exception is the one worth reporting.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
