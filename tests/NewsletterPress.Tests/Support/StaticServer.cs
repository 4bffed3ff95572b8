using System.Net;
using System.Net.Sockets;

namespace NewsletterPress.Tests.Support;

/// <summary>A folder served over HTTP on the loopback address, as any static host would serve a site (a browser
/// will not run Pagefind's fetches from file://). A path ending in / serves its index.html.</summary>
internal sealed class StaticServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _folder;

    public string Origin { get; }

    public StaticServer(string folder)
    {
        _folder = Path.GetFullPath(folder);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Origin = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Origin + "/");
        _listener.Start();
        _ = Task.Run(Serve);
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            try
            {
                var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
                var file = Path.GetFullPath(Path.Combine(_folder, path.TrimStart('/')));
                if (path.EndsWith('/')) file = Path.Combine(file, "index.html");
                if (!file.StartsWith(_folder, StringComparison.Ordinal) || !File.Exists(file))
                {
                    context.Response.StatusCode = 404;
                }
                else
                {
                    context.Response.ContentType = Path.GetExtension(file) switch
                    {
                        ".html" => "text/html; charset=utf-8",
                        ".css" => "text/css",
                        ".js" => "text/javascript",
                        ".json" => "application/json",
                        ".png" => "image/png",
                        ".pdf" => "application/pdf",
                        ".xml" => "application/xml",
                        _ => "application/octet-stream",
                    };
                    var bytes = await File.ReadAllBytesAsync(file);
                    context.Response.ContentLength64 = bytes.Length;
                    await context.Response.OutputStream.WriteAsync(bytes);
                }
            }
            catch (Exception e) when (e is IOException or HttpListenerException) { }
            finally
            {
                try { context.Response.Close(); } catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { }
            }
        }
    }

    public void Dispose() => _listener.Close();
}
