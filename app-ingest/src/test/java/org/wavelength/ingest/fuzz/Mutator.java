package org.wavelength.ingest.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Byte-level mutations of a seed, as coverage-blind fuzzers do them: flips, overwrites, insertions of
 * bytes and of tokens the parsers care about, deletions, duplications (deep nesting), truncations and
 * splices with another seed. Deterministic: the same random source gives the same input.
 */
final class Mutator {

    /** Tokens of the formats read here, so that mutations reach past the first syntax check. */
    private static final List<byte[]> TOKENS = Stream.of(
            "<", ">", "</", "/>", "&", "&amp;", "&#0;", "&#x10FFFF;", "&#xD800;", "&nbsp;", "&unknown;", ";",
            "<![CDATA[", "]]>", "<!--", "-->", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "<!DOCTYPE rss>",
            "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">",
            " xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"", "itunes:", "podcast:", "xmlns=\"\"",
            "<item>", "</item>", "<channel>", "<enclosure url=\"\" length=\"-1\"/>", "<itunes:duration>99:99:99</itunes:duration>",
            "<guid>", "<pubDate>Mon, 31 Feb 99999 25:61:61 +9999</pubDate>", "href=\"javascript:x\"", "url=\"//\"",
            "<outline xmlUrl=\"\" text=\"\"/>", "<outline>", "<opml version=\"2.0\">", "<body>",
            "{", "}", "[", "]", "\"", "\\", "\\u0000", "\\uD800", ":", ",", "null", "true", "-0", "1e309", "-1", "NaN",
            "9999999999999999999999", "\"startTime\":", "\"segments\":", "\"chapters\":", "\"version\":\"1.0.0\"",
            "WEBVTT\n\n", "00:00:00,000 --> 00:00:01,000\n", "99:59:59.999 --> 00:00:00.000", " --> ", "<v Speaker>", "\n\n",
            "\r\n", "\r", "\t", "\u0000", "\uFEFF", "\uFFFD", "\uFFFF", "\u202E", "\uD83C\uDF99", "第二个", "像这个一样的",
            "short", "long", "under 20 minutes", "about 1000000000000 minutes", "from 2020", "episode 0", "the last one",
            "for me", "\"quoted title\"", "  |  ").map(token -> token.getBytes(StandardCharsets.UTF_8)).toList();

    private final Random random;
    private final List<byte[]> seeds;

    Mutator(Random random, List<byte[]> seeds) {
        this.random = random;
        this.seeds = seeds;
    }

    /** A seed with one to four mutations applied. */
    byte[] next() {
        byte[] input = seeds.get(random.nextInt(seeds.size()));
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            input = mutate(input);
        }
        return input;
    }

    private byte[] mutate(byte[] in) {
        if (in.length == 0) {
            return token();
        }
        int at = random.nextInt(in.length);
        switch (random.nextInt(9)) {
            case 0: { // flip one bit
                byte[] out = in.clone();
                out[at] ^= (byte) (1 << random.nextInt(8));
                return out;
            }
            case 1: { // overwrite a few bytes with random ones, often a high or control byte
                byte[] out = in.clone();
                for (int i = 0, n = 1 + random.nextInt(8); i < n && at + i < out.length; i++) {
                    out[at + i] = (byte) (random.nextBoolean() ? random.nextInt(256) : random.nextInt(32));
                }
                return out;
            }
            case 2:
            case 3:
                return insert(in, at, token());
            case 4: { // delete a range
                int length = 1 + random.nextInt(Math.min(in.length - at, 1 + random.nextInt(256)));
                byte[] out = new byte[in.length - length];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(in, at + length, out, at, in.length - at - length);
                return out;
            }
            case 5: { // duplicate a range many times: deep nesting, long runs
                int length = 1 + random.nextInt(Math.min(in.length - at, 64));
                byte[] range = Arrays.copyOfRange(in, at, at + length);
                int times = 1 + random.nextInt(random.nextInt(10) == 0 ? 2000 : 20);
                byte[] repeated = new byte[Math.min(range.length * times, 256 * 1024)];
                for (int i = 0; i < repeated.length; i++) {
                    repeated[i] = range[i % range.length];
                }
                return insert(in, at, repeated);
            }
            case 6: // truncate
                return Arrays.copyOf(in, at);
            case 7: { // splice with another seed
                byte[] other = seeds.get(random.nextInt(seeds.size()));
                if (other.length == 0) {
                    return in;
                }
                int from = random.nextInt(other.length);
                byte[] piece = Arrays.copyOfRange(other, from, Math.min(other.length, from + 1 + random.nextInt(4096)));
                return insert(Arrays.copyOf(in, at), at, piece);
            }
            default: { // swap two ranges' order: the same bytes, out of place
                int length = 1 + random.nextInt(Math.min(in.length - at, 512));
                byte[] range = Arrays.copyOfRange(in, at, at + length);
                byte[] rest = new byte[in.length - length];
                System.arraycopy(in, 0, rest, 0, at);
                System.arraycopy(in, at + length, rest, at, in.length - at - length);
                return insert(rest, rest.length == 0 ? 0 : random.nextInt(rest.length), range);
            }
        }
    }

    private byte[] token() {
        return TOKENS.get(random.nextInt(TOKENS.size()));
    }

    private static byte[] insert(byte[] in, int at, byte[] piece) {
        byte[] out = new byte[in.length + piece.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(piece, 0, out, at, piece.length);
        System.arraycopy(in, at, out, at + piece.length, in.length - at);
        return out;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
