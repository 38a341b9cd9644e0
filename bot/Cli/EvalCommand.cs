using System.CommandLine;
using Microsoft.Extensions.Options;
using Spectre.Console;
using SummitBot.Answering;
using SummitBot.Answering.Model;
using SummitBot.Evaluation;
using SummitBot.Evaluation.Reporting;
using SummitBot.Evaluation.Running;
using SummitBot.Evaluation.Scripts;
using SummitBot.Evaluation.Targets;
using SummitBot.Hosting;

namespace SummitBot.Cli;

/// <summary>
/// <c>eval FILE... [--endpoint URL] [--junit PATH] [--json PATH] [--parallel N] [--answer-step extractive|chat]</c>: runs scripted Q&amp;A
/// tests and transcripts. Exit code 0 when every case passes, 1 when any fails, 2 when the run itself
/// cannot happen (a bad script, an unreachable endpoint, a report that cannot be written).
/// </summary>
internal static class EvalCommand
{
    public const int AllPassed = 0;
    public const int SomeFailed = 1;
    public const int CannotRun = 2;

    private const string ExtractiveStep = "extractive";
    private const string ChatStep = "chat";

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "*.qa.yaml scripts and *.transcript files", Arity = ArgumentArity.OneOrMore };
        var endpoint = new Option<string?>("--endpoint") { Description = "Ask a running bot at this /api/messages address instead of in-process" };
        var junit = new Option<string?>("--junit") { Description = "Write a JUnit XML report to this path" };
        var json = new Option<string?>("--json") { Description = "Write a JSON report to this path" };
        var parallel = new Option<int>("--parallel") { Description = "How many cases run at once (default 1, so latencies are not skewed)", DefaultValueFactory = _ => 1 };
        var answerStep = new Option<string?>("--answer-step") { Description = "In-process, answer with this step instead of the configured one: extractive or chat (chat needs ChatModel:Provider)" };
        answerStep.AcceptOnlyFromAmong(ExtractiveStep, ChatStep);

        var command = new Command("eval", "Run scripted Q&A tests (*.qa.yaml) and transcripts against the bot.") { files, endpoint, junit, json, parallel, answerStep };
        command.SetAction((parse, cancellationToken) => RunAsync(
            new EvalRequest(parse.GetValue(files) ?? [], parse.GetValue(endpoint), parse.GetValue(junit), parse.GetValue(json), parse.GetValue(parallel), parse.GetValue(answerStep)),
            CommandOutput.Standard(),
            overrideServices: null,
            cancellationToken));
        return command;
    }

    /// <param name="overrideServices">Lets tests replace the answer step, as with the web host.</param>
    public static async Task<int> RunAsync(EvalRequest request, CommandOutput output, Action<IServiceCollection>? overrideServices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        if (request.Parallel < 1)
        {
            return await CannotRunAsync(output, "--parallel must be 1 or more.").ConfigureAwait(false);
        }

        Uri? endpoint = null;
        if (request.Endpoint is not null
            && (!Uri.TryCreate(request.Endpoint, UriKind.Absolute, out endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            return await CannotRunAsync(output, $"--endpoint '{request.Endpoint}' is not an http(s) address, such as http://127.0.0.1:3978/api/messages.").ConfigureAwait(false);
        }

        using var host = CommandHost.Build((services, configuration) =>
        {
            services.AddEvaluation(configuration);
            overrideServices?.Invoke(services);
        });
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
            return await EvaluateAsync(request, endpoint, host.Services, output, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task<int> EvaluateAsync(EvalRequest request, Uri? endpoint, IServiceProvider services, CommandOutput output, CancellationToken cancellationToken)
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

        if (endpoint is not null && request.AnswerStep is not null)
        {
            return await CannotRunAsync(output, "--answer-step chooses the in-process step; a bot at --endpoint answers with its own configuration.").ConfigureAwait(false);
        }

        var model = services.GetRequiredService<IOptions<ChatModelOptions>>().Value;
        var step = request.AnswerStep ?? (model.IsConfigured ? ChatStep : ExtractiveStep);
        if (step == ChatStep && !model.IsConfigured)
        {
            return await CannotRunAsync(output, "--answer-step chat needs a chat model: set ChatModel:Provider and what it needs (README \"Answering with a chat model\").").ConfigureAwait(false);
        }

        var answerer = endpoint is not null ? new ReportAnswerer("endpoint", null)
            : new ReportAnswerer(step, step == ChatStep ? model.Describe() : null);
        IEvalTarget target = endpoint is null
            ? new InProcessTarget(request.AnswerStep switch
            {
                null => services.GetRequiredService<IAnswerStep>(),
                ChatStep => services.GetRequiredService<ChatAnswerStep>(),
                _ => services.GetRequiredService<ExtractiveAnswerStep>(),
            })
            : new EndpointTarget(
                services.GetRequiredService<IHttpClientFactory>().CreateClient(EndpointTarget.HttpClientName),
                endpoint,
                articles,
                services.GetRequiredService<IOptions<EvaluationOptions>>().Value);

        var cases = suites.SelectMany(s => s.Cases).ToList();
        EvalRun run;
        try
        {
            run = await EvalProgress.RunAsync(cases, target, request.Parallel, output, cancellationToken).ConfigureAwait(false);
        }
        catch (EndpointUnavailableException ex)
        {
            return await CannotRunAsync(output, ex.Message).ConfigureAwait(false);
        }

        var summary = EvalSummary.From(run, articles);
        ConsoleReport.Write(output.Out, run, summary);
        output.Out.WriteLine(answerer.Describe(run));
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
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return await CannotRunAsync(output, $"cannot write the report: {ex.Message}").ConfigureAwait(false);
        }

        return run.Cases.All(c => c.Passed) ? AllPassed : SomeFailed;
    }

    private static async Task<int> CannotRunAsync(CommandOutput output, string message)
    {
        await output.Error.WriteLineAsync($"eval: {message}").ConfigureAwait(false);
        return CannotRun;
    }
}

/// <param name="Endpoint">The bot's /api/messages address, or null to run in-process.</param>
/// <param name="AnswerStep">In-process: "extractive" or "chat"; null for what configuration says.</param>
internal sealed record EvalRequest(IReadOnlyList<string> Files, string? Endpoint, string? JUnitPath, string? JsonPath, int Parallel, string? AnswerStep = null);
