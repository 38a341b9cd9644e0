namespace SummitBot.Teams;

/// <summary>
/// The app's two icons, drawn in code so the repository holds no binary files: a 192x192 colour icon (a white
/// speech bubble on the accent colour) and the 32x32 outline icon Teams asks for (white on transparent).
/// </summary>
public static class TeamsIcons
{
    public const int ColorSize = 192;
    public const int OutlineSize = 32;

    // #1F4E79, the manifest's accentColor.
    private static readonly Rgba Accent = new(0x1F, 0x4E, 0x79, 0xFF);
    private static readonly Rgba White = new(0xFF, 0xFF, 0xFF, 0xFF);
    private static readonly Rgba Clear = new(0, 0, 0, 0);
    private static readonly double[] DotCentres = [0.34, 0.5, 0.66];

    public static byte[] Color() => Render(ColorSize, (x, y) => (InEllipse(x, y, 0) || InTail(x, y)) && !InDot(x, y) ? White : Accent);

    /// <summary>The bubble's rim and its (filled) tail: Teams draws the outline icon in one colour on any background.</summary>
    public static byte[] Outline() => Render(OutlineSize, (x, y) => (InEllipse(x, y, 0) && !InEllipse(x, y, 0.1)) || (InTail(x, y) && !InEllipse(x, y, 0.1)) ? White : Clear);

    /// <summary>The speech bubble's body, shrunk inwards by <paramref name="inset"/>.</summary>
    private static bool InEllipse(double x, double y, double inset)
    {
        var (dx, dy) = ((x - 0.5) / (0.40 - inset), (y - 0.45) / (0.30 - inset));
        return dx * dx + dy * dy <= 1;
    }

    /// <summary>The bubble's tail: a triangle from under the body down towards the lower left corner.</summary>
    private static bool InTail(double x, double y) => y >= 0.62 && y <= 0.86 && x >= 0.22 && x <= 0.44 - (y - 0.62) * 0.9;

    /// <summary>Three dots across the bubble, like someone typing.</summary>
    private static bool InDot(double x, double y) =>
        DotCentres.Any(cx => (x - cx) * (x - cx) + (y - 0.45) * (y - 0.45) <= 0.055 * 0.055);

    /// <summary>Samples each pixel 4x4 times so edges are smooth at 32 pixels too.</summary>
    private static byte[] Render(int size, Func<double, double, Rgba> paint)
    {
        const int samples = 4;
        var pixels = new byte[size * size * 4];
        for (var py = 0; py < size; py++)
        {
            for (var px = 0; px < size; px++)
            {
                double r = 0, g = 0, b = 0, a = 0;
                for (var sy = 0; sy < samples; sy++)
                {
                    for (var sx = 0; sx < samples; sx++)
                    {
                        var colour = paint((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
                        r += colour.R * colour.A;
                        g += colour.G * colour.A;
                        b += colour.B * colour.A;
                        a += colour.A;
                    }
                }

                var i = (py * size + px) * 4;
                pixels[i] = a == 0 ? (byte)0 : (byte)Math.Round(r / a);
                pixels[i + 1] = a == 0 ? (byte)0 : (byte)Math.Round(g / a);
                pixels[i + 2] = a == 0 ? (byte)0 : (byte)Math.Round(b / a);
                pixels[i + 3] = (byte)Math.Round(a / (samples * samples));
            }
        }

        return PngEncoder.Encode(size, size, pixels);
    }

    private readonly record struct Rgba(byte R, byte G, byte B, byte A);
}
