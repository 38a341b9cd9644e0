namespace SummitBot.Evaluation.Targets;

/// <summary>
/// The bot could not be asked at all (nothing listens, the address is not a bot, it demands credentials):
/// a problem with the run, not with an answer, so eval stops instead of failing every case.
/// </summary>
public sealed class EndpointUnavailableException : Exception
{
    public EndpointUnavailableException()
    {
    }

    public EndpointUnavailableException(string message)
        : base(message)
    {
    }

    public EndpointUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
