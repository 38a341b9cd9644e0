using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace SummitBot.State;

/// <summary>
/// ASP.NET Core Data Protection's key ring kept in the state database, so every instance sharing it seals and opens
/// the same web chat tokens, and tokens handed out before a restart still work after it. Data Protection's own
/// repositories keep keys in a folder, the registry or Azure; the EF Core one would bring EF Core for one table, so
/// this is its documented extension point, IXmlRepository, over the database the bot already has.
/// </summary>
public sealed class StateKeyRing(IStateDatabase state) : IXmlRepository
{
    /// <remarks>
    /// IXmlRepository is synchronous. Data Protection reads the ring at start and when it refreshes its cache (about
    /// once a day), never per token, so blocking on the database here costs a request nothing.
    /// </remarks>
    public IReadOnlyCollection<XElement> GetAllElements() => ReadAsync(CancellationToken.None).GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        state.ExecuteAsync(
                "INSERT INTO dataprotection_keys (name, xml) VALUES (@name, @xml)",
                CancellationToken.None,
                ("@name", friendlyName ?? ""),
                ("@xml", element.ToString(SaveOptions.DisableFormatting)))
            .GetAwaiter().GetResult();
    }

    private async Task<IReadOnlyCollection<XElement>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await state.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var read = connection.Command(null, "SELECT xml FROM dataprotection_keys ORDER BY id");
        await using var rows = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var elements = new List<XElement>();
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            elements.Add(XElement.Parse(rows.GetString(0)));
        }

        return elements;
    }
}
