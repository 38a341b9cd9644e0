using Microsoft.Extensions.Options;
using SummitBot.Answering;
using SummitBot.Answering.Model;
using SummitBot.Evaluation;
using SummitBot.Evaluation.Reporting;
using SummitBot.Evaluation.Targets;
using SummitBot.Conversations;
using SummitBot.Hosting;
using SummitBot.Protocol;
using SummitBot.Protocol.Auth;
using SummitBot.Protocol.Turns;

namespace SummitBot.Cli;

/// <summary>Which bot eval asks: in this process with a chosen answer step, a running bot's /api/messages, or a Direct Line.</summary>
internal static class EvalTargets
{
    public const string ExtractiveStep = "extractive";
    public const string ChatStep = "chat";

    /// <returns>The target and how reports name it, or why there is none.</returns>
    public static (IEvalTarget? Target, ReportAnswerer? Answerer, string? Problem) Choose(EvalRequest request, IServiceProvider services, ArticleCatalog articles)
    {
        var evaluation = services.GetRequiredService<IOptions<EvaluationOptions>>().Value;
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(EndpointTarget.HttpClientName);
        if (request.Endpoint is { } endpoint)
        {
            BotAuthOptions identity;
            try
            {
                identity = services.GetRequiredService<IOptions<BotAuthOptions>>().Value;
            }
            catch (OptionsValidationException ex)
            {
                return (null, null, $"bad configuration of the bot's identity: {ex.Message}");
            }

            // A bot with an app id is asked with a token for that app id, got with the bot's own credentials.
            var credentials = identity.IsAnonymous ? null : AuthServices.TokensFor(identity, services.GetRequiredService<IHttpClientFactory>(), identity.MicrosoftAppId!);
            return (new EndpointTarget(http, new Uri(endpoint), articles, evaluation, credentials), new ReportAnswerer("endpoint", null), null);
        }

        if (request.DirectLine is { } directLine)
        {
            var secret = request.Secret ?? evaluation.DirectLineSecret;
            return string.IsNullOrWhiteSpace(secret)
                ? (null, null, "--directline needs the Direct Line secret: --secret, or the environment variable Evaluation__DirectLineSecret.")
                : (new DirectLineTarget(http, new Uri(directLine), secret, articles, evaluation), new ReportAnswerer("directline", null), null);
        }

        var model = services.GetRequiredService<IOptions<ChatModelOptions>>().Value;
        var step = request.AnswerStep ?? (model.IsConfigured ? ChatStep : ExtractiveStep);
        if (step == ChatStep && !model.IsConfigured)
        {
            return (null, null, "--answer-step chat needs a chat model: set ChatModel:Provider and what it needs (README \"Answering with a chat model\").");
        }

        var answers = request.AnswerStep switch
        {
            null => services.GetRequiredService<IAnswerStep>(),
            ChatStep => services.GetRequiredService<ChatAnswerStep>(),
            _ => services.GetRequiredService<ExtractiveAnswerStep>(),
        };

        return (InProcess(services, answers, articles), new ReportAnswerer(step, step == ChatStep ? model.Describe() : null), null);
    }

    /// <summary>
    /// The bot's own turn handling over <paramref name="answers"/>, its conversations kept in eval's scratch state
    /// (EvaluationServices), its article links on BotProtocol:PublicBaseUrl or the bot's default address.
    /// </summary>
    public static InProcessTarget InProcess(IServiceProvider services, IAnswerStep answers, ArticleCatalog articles)
    {
        var handler = ActivatorUtilities.CreateInstance<TurnHandler>(services, answers);
        var runner = ActivatorUtilities.CreateInstance<TurnRunner>(services, handler);
        var links = services.GetRequiredService<IConfiguration>()[$"{BotProtocolOptions.SectionName}:{nameof(BotProtocolOptions.PublicBaseUrl)}"];
        var publicBase = Uri.TryCreate(links, UriKind.Absolute, out var configured) ? configured : new Uri(BotApplication.DefaultUrl);
        return new InProcessTarget(runner, articles, services.GetRequiredService<IOptions<EvaluationOptions>>().Value, publicBase);
    }
}
