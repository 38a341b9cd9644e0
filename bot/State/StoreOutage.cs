using System.Data.Common;

namespace SummitBot.State;

/// <summary>Tells a failure of the state database (whatever wrapped it on the way) from the bot's own bugs.</summary>
public static class StoreOutage
{
    /// <returns>Whether <paramref name="exception"/> is, or was caused by, a database error (SQLite, Npgsql: both are DbExceptions).</returns>
    public static bool Of(Exception? exception)
    {
        for (var at = exception; at is not null; at = at.InnerException)
        {
            if (at is DbException)
            {
                return true;
            }
        }

        return false;
    }
}
