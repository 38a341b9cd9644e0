using System.CommandLine;
using Spectre.Console;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SummitBot.Evaluation;
using SummitBot.Evaluation.Reporting;
using SummitBot.Evaluation.Running;
using SummitBot.Evaluation.Scripts;
using SummitBot.Evaluation.Targets;
using SummitBot.Evaluation.Transcripts;
using SummitBot.Hosting;

namespace SummitBot.Cli;

/// <summary>
/// <c>eval FILE... [--endpoint URL | --directline URL [--secret S]] [--known-failures FILE] [--junit PATH] [--json PATH] [--record PATH]
/// [--parallel N] [--answer-step extractive|chat] [--Section:Key=value...]</c>: runs scripted Q&amp;A tests and
/// transcripts. Exit code 0 when every case passes (or, with --known-failures, every case that fails is listed),
/// 1 when any other fails, 2 when the run itself cannot happen (a bad script, an unreachable bot, refused
/// credentials, a report that cannot be written).
/// </summary>
internal static partial class EvalCommand
{
    public const int AllPassed = 0;
    public const int SomeFailed = 1;
    public const int CannotRun = 2;

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "*.qa.yaml scripts and *.transcript files", Arity = ArgumentArity.OneOrMore };
        var endpoint = new Option<string?>("--endpoint") { Description = "Ask a running bot at this /api/messages address instead of in-process (with the bot's MicrosoftAppId/Password from the environment when it has an app id)" };
        var directLine = new Option<string?>("--directline") { Description = "Ask a bot through this Direct Line 3.0 address (the bot's own http://host/v3/directline, or https://directline.botframework.com/v3/directline)" };
        var secret = new Option<string?>("--secret") { Description = "The Direct Line secret for --directline (better: the environment variable Evaluation__DirectLineSecret)" };
        var record = new Option<string?>("--record") { Description = "Write the run as .transcript files into this folder (or, for a run of one case, this .transcript file), to replay later" };
        var knownFailures = new Option<string?>("--known-failures") { Description = "A file of case ids (one a line, # comments) known to fail: only other failures make the exit code 1" };
        var junit = new Option<string?>("--junit") { Description = "Write a JUnit XML report to this path" };
        var json = new Option<string?>("--json") { Description = "Write a JSON report to this path" };
        var parallel = new Option<int>("--parallel") { Description = "How many cases run at once (default 1, so latencies are not skewed)", DefaultValueFactory = _ => 1 };
        var answerStep = new Option<string?>("--answer-step") { Description = "In-process, answer with this step instead of the configured one: extractive or chat (chat needs ChatModel:Provider)" };
        answerStep.AcceptOnlyFromAmong(EvalTargets.ExtractiveStep, EvalTargets.ChatStep);

        var command = new Command("eval", "Run scripted Q&A tests (*.qa.yaml) and transcripts against the bot.") { files, endpoint, directLine, secret, knownFailures, junit, json, record, parallel, answerStep };
        // Configuration overrides (--MicrosoftAppId=…, --Evaluation:RequestTimeoutSeconds=…), as on the web host's command line.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) =>
        {
            // The files argument takes every word no option claims, settings included: they are told apart by their "--".
            var words = parse.GetValue(files) ?? [];
            return RunAsync(
                new EvalRequest([.. words.Where(w => !w.StartsWith("--", StringComparison.Ordinal))], parse.GetValue(endpoint), parse.GetValue(junit), parse.GetValue(json), parse.GetValue(parallel), parse.GetValue(answerStep))
                {
                    DirectLine = parse.GetValue(directLine),
                    Secret = parse.GetValue(secret),
                    KnownFailuresPath = parse.GetValue(knownFailures),
                    RecordPath = parse.GetValue(record),
                    Settings = [.. words.Where(w => w.StartsWith("--", StringComparison.Ordinal)), .. parse.UnmatchedTokens],
                },
                CommandOutput.Standard(),
                overrideServices: null,
                cancellationToken);
        });
        return command;
    }

    /// <param name="overrideServices">Lets tests replace the answer step, as with the web host.</param>
    public static async Task<int> RunAsync(EvalRequest request, CommandOutput output, Action<IServiceCollection>? overrideServices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        if (Problem(request) is { } problem)
        {
            return await CannotRunAsync(output, problem).ConfigureAwait(false);
        }

        using var host = CommandHost.Build(
            (services, configuration) =>
            {
                services.AddEvaluation(configuration);
                overrideServices?.Invoke(services);
            },
            [.. request.Settings]);
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OptionsValidationException ex)
        {
            return await CannotRunAsync(output, $"bad configuration: {ex.Message}").ConfigureAwait(false);
        }

        try
        {
            return await EvaluateAsync(request, host.Services, output, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>What is wrong with the command line itself, before anything is loaded.</summary>
    private static string? Problem(EvalRequest request)
    {
        if (request.Parallel < 1)
        {
            return "--parallel must be 1 or more.";
        }

        if (request.Endpoint is not null && request.DirectLine is not null)
        {
            return "--endpoint and --directline are two ways to reach a bot: give one.";
        }

        if (request.Secret is not null && request.DirectLine is null)
        {
            return "--secret is the Direct Line secret: it goes with --directline.";
        }

        if (request.AnswerStep is not null && (request.Endpoint ?? request.DirectLine) is not null)
        {
            return "--answer-step chooses the in-process step; a running bot answers with its own configuration.";
        }

        foreach (var (option, value, example) in new[] { ("--endpoint", request.Endpoint, "http://127.0.0.1:3978/api/messages"), ("--directline", request.DirectLine, "http://127.0.0.1:3978/v3/directline") })
        {
            if (value is not null && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
            {
                return $"{option} '{value}' is not an http(s) address, such as {example}.";
            }
        }

        // Unknown words are configuration only in the --Section:Key=value form; anything else is a mistyped option.
        return request.Settings.FirstOrDefault(s => !SettingPattern().IsMatch(s)) is { } unknown
            ? $"unknown option or argument '{unknown}' (configuration is given as --Section:Key=value)."
            : null;
    }

    private static async Task<int> EvaluateAsync(EvalRequest request, IServiceProvider services, CommandOutput output, CancellationToken cancellationToken)
    {
        ArticleCatalog articles;
        try
        {
            articles = ArticleCatalog.From(await services.GetRequiredService<KnowledgeBase>().GetCorpusAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            return await CannotRunAsync(output, $"cannot load the articles: {ex.Message}").ConfigureAwait(false);
        }

        var (suites, errors) = await ScriptFiles.LoadAsync(request.Files, articles.Ids, cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                await output.Error.WriteLineAsync(error.ToString()).ConfigureAwait(false);
            }

            return await CannotRunAsync(output, $"{errors.Count} problem(s) in the scripts; no case was run.").ConfigureAwait(false);
        }

        KnownFailures? known = null;
        try
        {
            known = request.KnownFailuresPath is { } path ? await KnownFailures.LoadAsync(path, cancellationToken).ConfigureAwait(false) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return await CannotRunAsync(output, $"cannot read --known-failures: {ex.Message}").ConfigureAwait(false);
        }

        var (target, answerer, targetProblem) = EvalTargets.Choose(request, services, articles);
        if (targetProblem is not null)
        {
            return await CannotRunAsync(output, targetProblem).ConfigureAwait(false);
        }

        var cases = suites.SelectMany(s => s.Cases).ToList();
        if (request.RecordPath is { } record && record.EndsWith(TranscriptLoader.Extension, StringComparison.OrdinalIgnoreCase) && cases.Count != 1)
        {
            return await CannotRunAsync(output, $"--record {record} holds one conversation and the suites have {cases.Count} cases: give a folder to record a transcript per case.").ConfigureAwait(false);
        }

        EvalRun run;
        try
        {
            run = await EvalProgress.RunAsync(cases, target!, request.Parallel, output, cancellationToken).ConfigureAwait(false) with { Known = known };
        }
        catch (EndpointUnavailableException ex)
        {
            return await CannotRunAsync(output, ex.Message).ConfigureAwait(false);
        }

        var summary = EvalSummary.From(run, articles);
        ConsoleReport.Write(output.Out, run, summary);
        output.Out.WriteLine(answerer!.Describe(run));
        var verdict = known?.Judge(run);
        if (verdict is not null)
        {
            ConsoleReport.WriteKnownFailures(output.Out, known!, verdict);
        }

        try
        {
            if (request.JUnitPath is not null)
            {
                await JUnitReport.WriteAsync(run, request.JUnitPath, cancellationToken).ConfigureAwait(false);
            }

            if (request.JsonPath is not null)
            {
                await JsonReport.WriteAsync(run, summary, answerer, request.JsonPath, cancellationToken).ConfigureAwait(false);
            }

            if (request.RecordPath is not null)
            {
                var recorded = await TranscriptRecorder.WriteAsync(run, request.RecordPath, cancellationToken).ConfigureAwait(false);
                output.Out.WriteLine($"Recorded:           {recorded.Count} transcript(s) in {request.RecordPath}");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return await CannotRunAsync(output, $"cannot write the report: {ex.Message}").ConfigureAwait(false);
        }

        var passed = verdict?.Passed ?? run.Cases.All(c => c.Passed);
        return passed ? AllPassed : SomeFailed;
    }

    private static async Task<int> CannotRunAsync(CommandOutput output, string message)
    {
        await output.Error.WriteLineAsync($"eval: {message}").ConfigureAwait(false);
        return CannotRun;
    }

    [GeneratedRegex(@"^--[A-Za-z][\w.]*(:[\w.]+)*=", RegexOptions.CultureInvariant)]
    private static partial Regex SettingPattern();
}

/// <param name="Endpoint">The bot's /api/messages address, or null to run in-process.</param>
/// <param name="AnswerStep">In-process: "extractive" or "chat"; null for what configuration says.</param>
internal sealed record EvalRequest(IReadOnlyList<string> Files, string? Endpoint, string? JUnitPath, string? JsonPath, int Parallel, string? AnswerStep = null)
{
    /// <summary>A Direct Line 3.0 address to reach the bot through, instead of in-process or --endpoint.</summary>
    public string? DirectLine { get; init; }

    /// <summary>The Direct Line secret; null: Evaluation:DirectLineSecret.</summary>
    public string? Secret { get; init; }

    public string? KnownFailuresPath { get; init; }

    /// <summary>Where eval --record writes the run's transcripts: a folder, or one .transcript file for a run of one case.</summary>
    public string? RecordPath { get; init; }

    /// <summary>Configuration overrides as --Section:Key=value, read over appsettings.json and the environment.</summary>
    public IReadOnlyList<string> Settings { get; init; } = [];
}
