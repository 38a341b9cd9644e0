using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SummitBot.Tests.Teams;

/// <summary>Reads back the PNGs the bot writes (8-bit RGBA, no filters), checking their structure on the way.</summary>
internal static class PngReader
{
    public static (int Width, int Height, byte[] Rgba) Read(byte[] png)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        int width = 0, height = 0;
        using var compressed = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal(8, data[8]);
                Assert.Equal(6, data[9]);
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }

            at += 12 + length;
        }

        compressed.Position = 0;
        using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var rows = raw.ToArray();
        Assert.Equal(height * (width * 4 + 1), rows.Length);
        var rgba = new byte[width * height * 4];
        for (var row = 0; row < height; row++)
        {
            Assert.Equal(0, rows[row * (width * 4 + 1)]);
            Array.Copy(rows, row * (width * 4 + 1) + 1, rgba, row * width * 4, width * 4);
        }

        return (width, height, rgba);
    }
}
