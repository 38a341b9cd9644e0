using SummitBot.Teams;

namespace SummitBot.Tests.Teams;

public sealed class TeamsIconsTests
{
    [Fact]
    public void Color_Is192PixelsSquareOpaqueAndNotOneFlatColour()
    {
        var (width, height, rgba) = PngReader.Read(TeamsIcons.Color());

        Assert.Equal((192, 192), (width, height));
        Assert.All(Pixels(rgba), pixel => Assert.Equal(255, pixel.A));
        Assert.True(Pixels(rgba).Select(pixel => (pixel.R, pixel.G, pixel.B)).Distinct().Count() > 2);
    }

    [Fact]
    public void Outline_Is32PixelsSquareWhiteOnTransparent()
    {
        var (width, height, rgba) = PngReader.Read(TeamsIcons.Outline());

        Assert.Equal((32, 32), (width, height));
        var pixels = Pixels(rgba);
        Assert.All(pixels.Where(pixel => pixel.A > 0), pixel => Assert.Equal((255, 255, 255), (pixel.R, pixel.G, pixel.B)));
        Assert.Contains(pixels, pixel => pixel.A == 0);
        Assert.Contains(pixels, pixel => pixel.A == 255);
    }

    private static List<(byte R, byte G, byte B, byte A)> Pixels(byte[] rgba) =>
        rgba.Chunk(4).Select(p => (p[0], p[1], p[2], p[3])).ToList();
}
