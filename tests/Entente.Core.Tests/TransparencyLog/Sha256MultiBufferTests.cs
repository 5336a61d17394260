using System.Security.Cryptography;
using Entente.Core.TransparencyLog;

namespace Entente.Core.Tests.TransparencyLog;

/// <summary>The eight-lane SHA-256 must agree with the platform's SHA-256 on every length, padding boundary included.</summary>
public sealed class Sha256MultiBufferTests
{
    [Fact]
    public void HashPrefixed_AgreesWithSha256_ForEveryLengthUpTo300()
    {
        var random = new Random(5);
        var messages = Enumerable.Range(0, 301).Select(n =>
        {
            var m = new byte[n];
            random.NextBytes(m);
            return m;
        }).ToList();

        // Shuffle so lanes of one group need different block counts.
        messages = messages.OrderBy(_ => random.Next()).ToList();
        foreach (var prefix in new byte[] { 0x00, 0x01 })
        {
            var output = new byte[messages.Count * 32];
            Sha256MultiBuffer.HashPrefixed(prefix, messages, 0, messages.Count, output);
            for (var i = 0; i < messages.Count; i++)
            {
                var expected = SHA256.HashData([prefix, .. messages[i]]);
                Assert.True(expected.AsSpan().SequenceEqual(output.AsSpan(i * 32, 32)), $"length {messages[i].Length}, prefix {prefix}");
            }
        }
    }

    [Fact]
    public void HashPrefixed_HandlesAnOffsetAndAPartialGroup()
    {
        var messages = Enumerable.Range(0, 20).Select(i => new[] { (byte)i, (byte)(i * 3) }).Cast<byte[]>().ToList();
        var output = new byte[11 * 32];
        Sha256MultiBuffer.HashPrefixed(0x00, messages, 5, 11, output);
        for (var i = 0; i < 11; i++)
        {
            Assert.Equal(MerkleHashing.HashLeaf(messages[5 + i]), output.AsSpan(i * 32, 32).ToArray());
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(33)]
    public void HashNodes_AgreesWithHashChildren(int count)
    {
        var children = new byte[count * 64];
        new Random(count).NextBytes(children);
        var output = new byte[count * 32];
        Sha256MultiBuffer.HashNodes(children, output);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(MerkleHashing.HashChildren(children.AsSpan(i * 64, 32), children.AsSpan((i * 64) + 32, 32)), output.AsSpan(i * 32, 32).ToArray());
        }
    }
}
