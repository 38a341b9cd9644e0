using Microsoft.Playwright;

namespace SummitBot.Tests.WebChat.Support;

/// <summary>
/// Debian's own Chromium, headless, driven by Playwright: one browser for a test class, a fresh context per test.
/// Never a browser Playwright downloads. Without it the tests fail, saying how to install it; they never skip.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    /// <summary>Where the browser is: CHROMIUM_PATH, else Debian's package.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Where the tests leave their screenshots (under the repository's ignored .cache).</summary>
    public static string ScreenshotFolder => Path.Combine(SummitBot.Hosting.RepositoryRoot.Locate(), ".cache", "screenshots");

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"The chat page tests need Chromium at {ExecutablePath}, and it is not there. Install it with scripts/install-test-tools.sh "
                + "(which .ci/run runs; on Debian it is `apt-get install chromium`), or point CHROMIUM_PATH at a Chromium.");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // No sandbox: CI runs as root. The rest keeps the browser from reaching for anything but the bot.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
