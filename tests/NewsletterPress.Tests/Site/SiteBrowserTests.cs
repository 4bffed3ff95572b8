using NewsletterPress.Tests.Support;
using PuppeteerSharp;

namespace NewsletterPress.Tests.Site;

/// <summary>One browsed page: its language, its title, the images without alt text and the addresses it links to.</summary>
public sealed record BrowsedPage(string Url, string Lang, string Title, string[] ImagesWithoutAlt, string[] Links);

/// <summary>
/// The archive site in Debian's headless Chromium, driven by PuppeteerSharp (never a downloaded browser), served over
/// HTTP from the loopback address. The site is crawled once from its index (every page it links to, and the search
/// page with a query), recording every request the browser makes.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string Executable = "/usr/bin/chromium";

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Executable), $"the browser tests need Debian's Chromium at {Executable} (apt-get install chromium; .ci/run does)");
        Browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            // --no-sandbox: the tests run as root in CI, where Chromium's sandbox refuses to start.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions"],
        });
    }

    private StaticServer? _server;
    private Task<SiteCrawl>? _crawl;

    /// <summary>The site's folder served over HTTP, one server for the fixture's life (the tests serve one site).</summary>
    internal StaticServer Serve(string folder) => _server ??= new StaticServer(folder);

    /// <summary>The site crawled once for all the tests that read the crawl (the tests of a collection run one by one).</summary>
    public Task<SiteCrawl> CrawlOnce(Func<Task<SiteCrawl>> crawl) => _crawl ??= crawl();

    public async Task DisposeAsync()
    {
        _server?.Dispose();
        await Browser.CloseAsync();
    }
}

/// <summary>The pages of a crawl and every request the browser made on the way.</summary>
public sealed record SiteCrawl(IReadOnlyList<BrowsedPage> Pages, IReadOnlyList<string> Requests);

[CollectionDefinition("archive site")]
public sealed class ArchiveSiteCollection : ICollectionFixture<ArchiveSite>, ICollectionFixture<Chromium>;

[Collection("archive site")]
public sealed class SiteBrowserTests(ArchiveSite site, Chromium chromium)
{
    private readonly StaticServer _server = chromium.Serve(site.Folder);

    [Fact]
    public async Task The_index_lists_every_volume_newest_first_with_its_cover()
    {
        await using var page = await Open("/");
        var volumes = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('li.volume h3')].map(h => h.textContent)");
        Assert.Equal(["Civil Society Forum Vol.13", "Civil Society Forum Vol.12", "Civil Society Forum Vol.11"], volumes);
        var years = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('section.year h2')].map(h => h.textContent)");
        Assert.Equal(["2024", "2023", "2022"], years);
        // Each cover is loaded and decoded (a broken image has no natural width), is a page's shape, and says what it is.
        var covers = await page.EvaluateExpressionAsync<int[][]>(
            "[...document.querySelectorAll('li.volume img')].map(i => [i.complete ? 1 : 0, i.naturalWidth, i.naturalHeight, i.alt.length])");
        Assert.Equal(3, covers.Length);
        Assert.All(covers, c =>
        {
            Assert.Equal(1, c[0]);
            Assert.InRange(c[1], 200, 400);
            Assert.InRange(c[2] / (double)c[1], 1.38, 1.45); // A4
            Assert.True(c[3] > 0);
        });
        var contents = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('li.volume ol.toc a')].map(a => a.pathname)");
        Assert.Contains("/vol-11/world-report/", contents);
        Assert.Contains("/vol-13/field-notes/", contents);
    }

    [Fact]
    public async Task Japanese_paragraphs_break_strictly_and_between_phrases()
    {
        await using var page = await Open("/vol-11/plan-2022/");
        var style = await page.EvaluateExpressionAsync<string[]>(
            "(s => [s.lineBreak, s.wordBreak])(getComputedStyle(document.querySelector('article p')))");
        Assert.Equal(["strict", "auto-phrase"], style);
    }

    [Fact]
    public async Task A_phone_shows_the_page_without_sideways_scrolling_and_print_drops_the_site_furniture()
    {
        await using var page = await chromium.Browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 375, Height = 800 });
        foreach (var path in new[] { "/", "/vol-11/", "/vol-11/world-report/", "/vol-13/field-notes/" })
        {
            await page.GoToAsync(_server.Origin + path, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Networkidle0] });
            var widths = await page.EvaluateExpressionAsync<int[]>("[document.documentElement.scrollWidth, window.innerWidth]");
            Assert.True(widths[0] <= widths[1], $"{path} is {widths[0]} px wide on a {widths[1]} px screen");
        }
        await page.EmulateMediaTypeAsync(PuppeteerSharp.Media.MediaType.Print);
        Assert.Equal("none", await page.EvaluateExpressionAsync<string>("getComputedStyle(document.querySelector('header.site')).display"));
        Assert.NotEqual("none", await page.EvaluateExpressionAsync<string>("getComputedStyle(document.querySelector('article')).display"));
    }

    [Theory]
    [InlineData("寄附", new[] { "/vol-11/plan-2022/", "/vol-12/donation-report/" }, new[] { "/vol-13/" })]
    [InlineData("Tajikistan", new[] { "/vol-11/ceas/", "/vol-11/plan-2022/" }, new[] { "/vol-12/", "/vol-13/" })]
    public async Task Searching_finds_the_volumes_and_articles_that_hold_the_word(string word, string[] found, string[] notFound)
    {
        await using var page = await Open("/search/?q=" + Uri.EscapeDataString(word));
        await page.WaitForSelectorAsync(".pagefind-ui__result-link", new WaitForSelectorOptions { Timeout = 20_000 });
        await page.WaitForFunctionAsync("() => !document.querySelector('.pagefind-ui__result-link[href=\"\"]') && !document.querySelector('.pagefind-ui__loading')",
            new WaitForFunctionOptions { Timeout = 20_000 });
        var results = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('a.pagefind-ui__result-link')].map(a => new URL(a.href).pathname)");
        foreach (var path in found) Assert.Contains(path, results);
        Assert.DoesNotContain(results, r => notFound.Any(n => r.StartsWith(n, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Every_internal_link_resolves()
    {
        var crawl = (await chromium.CrawlOnce(Crawl)).Pages;
        using var http = new HttpClient();
        var links = crawl.SelectMany(p => p.Links).Where(l => l.StartsWith(_server.Origin, StringComparison.Ordinal))
            .Select(l => l.Split('#')[0]).Distinct().ToList();
        Assert.True(links.Count > 30, $"only {links.Count} links found");
        var broken = new List<string>();
        foreach (var link in links)
            if (!(await http.GetAsync(link)).IsSuccessStatusCode) broken.Add(link);
        Assert.True(broken.Count == 0, "broken links:\n" + string.Join("\n", broken));
    }

    [Fact]
    public async Task Every_page_has_a_language_and_a_title_and_every_image_has_alt_text()
    {
        var crawl = (await chromium.CrawlOnce(Crawl)).Pages;
        Assert.True(crawl.Count >= 15, $"only {crawl.Count} pages crawled");
        Assert.All(crawl, p =>
        {
            Assert.True(p.Lang.Length > 0, $"{p.Url} has no lang");
            Assert.True(p.Title.Length > 0, $"{p.Url} has no title");
            Assert.True(p.ImagesWithoutAlt.Length == 0, $"{p.Url}: images without alt text: {string.Join(", ", p.ImagesWithoutAlt)}");
        });
        Assert.Contains(crawl, p => p.Url.EndsWith("/vol-13/field-notes/", StringComparison.Ordinal)); // the page with a photo
    }

    [Fact]
    public async Task No_request_leaves_the_site()
    {
        var requests = (await chromium.CrawlOnce(Crawl)).Requests;
        Assert.Contains(requests, r => r.Contains("/pagefind/", StringComparison.Ordinal)); // the search ran
        var outside = requests.Where(r => !r.StartsWith(_server.Origin + "/", StringComparison.Ordinal) && !r.StartsWith("data:", StringComparison.Ordinal)
            && !r.StartsWith("blob:", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(outside.Count == 0, "requests outside the site:\n" + string.Join("\n", outside));
    }

    /// <summary>Every HTML page reachable from the index, and the search page with a query, visited in the browser.</summary>
    private async Task<SiteCrawl> Crawl()
    {
        var requests = new List<string>();
        var pages = new List<BrowsedPage>();
        var queue = new Queue<string>([_server.Origin + "/", _server.Origin + "/search/?q=" + Uri.EscapeDataString("寄附")]);
        var seen = new HashSet<string>(queue);
        await using var page = await chromium.Browser.NewPageAsync();
        page.Request += (_, e) => { lock (requests) requests.Add(e.Request.Url); };
        while (queue.Count > 0)
        {
            var url = queue.Dequeue();
            await page.GoToAsync(url, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Networkidle0], Timeout = 30_000 });
            var browsed = new BrowsedPage(url,
                await page.EvaluateExpressionAsync<string>("document.documentElement.lang"),
                await page.EvaluateExpressionAsync<string>("document.title"),
                await page.EvaluateExpressionAsync<string[]>("[...document.images].filter(i => !i.alt || !i.alt.trim()).map(i => i.src)"),
                await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('[href],[src]')].map(e => e.href || e.src)"));
            pages.Add(browsed);
            foreach (var link in browsed.Links.Select(l => l.Split('#')[0]))
                if (link.StartsWith(_server.Origin + "/", StringComparison.Ordinal) && link.EndsWith('/') && seen.Add(link)) queue.Enqueue(link);
        }
        return new SiteCrawl(pages, requests);
    }

    private async Task<IPage> Open(string path)
    {
        var page = await chromium.Browser.NewPageAsync();
        await page.GoToAsync(_server.Origin + path, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Networkidle0], Timeout = 30_000 });
        return page;
    }
}
