using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Spectre.Console;
using SummitBot.Retrieval;
using SummitBot.Retrieval.Passages;

namespace SummitBot.Cli;

/// <summary>
/// `index [--rebuild]`: brings the index up to date (or builds it anew) as the bot would at start, showing
/// progress, and says what it holds. Run it after changing the articles, before starting the bot, so the
/// first question does not wait for the build.
/// </summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var rebuild = new Option<bool>("--rebuild") { Description = "Build the index anew even when it is up to date." };
        var command = new Command("index", "Build or refresh the article index, with progress and statistics.") { rebuild };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(rebuild), CommandOutput.Standard(), overrideServices: null, cancellationToken));
        return command;
    }

    /// <param name="overrideServices">What tests replace (the index folder, the articles).</param>
    internal static async Task<int> RunAsync(bool rebuild, CommandOutput output, Action<IServiceCollection>? overrideServices, CancellationToken cancellationToken)
    {
        using var host = CommandHost.Build((services, _) => overrideServices?.Invoke(services));
        var options = host.Services.GetRequiredService<IOptions<RetrievalOptions>>().Value;
        var root = host.Services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        var clock = Stopwatch.StartNew();
        SearchEngine engine;
        try
        {
            engine = await OpenAsync(root, options, rebuild, output, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            await output.Error.WriteLineAsync($"The index could not be built: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        using (engine)
        {
            Report(engine, clock.Elapsed, output.Out);
        }

        return 0;
    }

    private static Task<SearchEngine> OpenAsync(string root, RetrievalOptions options, bool rebuild, CommandOutput output, CancellationToken cancellationToken)
    {
        if (!output.ShowProgressBar)
        {
            var last = "";
            var plain = new SynchronousProgress(p =>
            {
                if (p.Stage != last)
                {
                    last = p.Stage;
                    output.Out.WriteLine($"{p.Stage}…");
                }
            });
            return SearchEngine.OpenAsync(root, options, plain, rebuild, cancellationToken);
        }

        return output.Out.Progress().AutoClear(true).StartAsync(context =>
        {
            var bar = context.AddTask("Opening", maxValue: 1);
            var shown = new SynchronousProgress(p =>
            {
                bar.Description = p.Stage;
                bar.MaxValue = Math.Max(p.Total, 1);
                bar.Value = p.Total == 0 ? 0 : p.Done;
            });
            return SearchEngine.OpenAsync(root, options, shown, rebuild, cancellationToken);
        });
    }

    private static void Report(SearchEngine engine, TimeSpan took, IAnsiConsole console)
    {
        var index = engine.Index;
        var size = new DirectoryInfo(index.Folder).EnumerateFiles().Sum(f => f.Length);
        var table = new Table().HideHeaders().AddColumns("", "");
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        Row("index", index.Folder);
        Row("state", index.WasRebuilt ? "built" : "up to date (use --rebuild to build anyway)");
        Row("articles", engine.Corpus.Articles.Count.ToString("N0", CultureInfo.InvariantCulture));
        Row("sentences", engine.Corpus.Articles.Sum(a => SentenceSplitter.Split(a.Text).Count).ToString("N0", CultureInfo.InvariantCulture));
        Row("passages", index.PassageCount.ToString("N0", CultureInfo.InvariantCulture));
        Row("vocabulary", string.Create(CultureInfo.InvariantCulture, $"{index.CountTerms():N0} distinct stems"));
        Row("on disk", string.Create(CultureInfo.InvariantCulture, $"{size / 1024.0 / 1024.0:F1} MB (Lucene files and the distilled lexicon)"));
        Row("WordNet", engine.HasLexicon ? "distilled into the index" : "not found: words match only themselves and their aliases");
        Row("took", string.Create(CultureInfo.InvariantCulture, $"{took.TotalSeconds:F1} s"));
        console.Write(table);
        foreach (var skipped in engine.Corpus.Skipped)
        {
            console.MarkupLineInterpolated($"[yellow]skipped[/] {skipped.File}: {skipped.Reason}");
        }
    }

    /// <summary>
    /// Reports on the caller's thread. <see cref="Progress{T}"/> posts to the thread pool, so a build's last
    /// report could arrive after the bar has closed.
    /// </summary>
    private sealed class SynchronousProgress(Action<OpenProgress> report) : IProgress<OpenProgress>
    {
        public void Report(OpenProgress value) => report(value);
    }
}
