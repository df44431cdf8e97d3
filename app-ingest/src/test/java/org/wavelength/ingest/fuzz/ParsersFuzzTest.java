package org.wavelength.ingest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wavelength.core.assistant.RequestParser;
import org.wavelength.ingest.opml.OpmlException;
import org.wavelength.ingest.opml.OpmlReader;
import org.wavelength.ingest.parse.FeedParseException;
import org.wavelength.ingest.parse.FeedParser;
import org.wavelength.ingest.transcript.ChaptersParser;
import org.wavelength.ingest.transcript.TranscriptException;
import org.wavelength.ingest.transcript.TranscriptParser;

/**
 * A standing fuzz check: mutations of the real feeds, transcripts and chapters of the shared data
 * folder (see its README) thrown at the parsers that read what strangers send. A parser may accept an
 * input or refuse it with its own declared exception; anything else (a NullPointerException, a
 * StackOverflowError, a hang) is a crash, and fails the test with the seed and iteration that
 * reproduce it, the input saved under {@code target/fuzz-crashers/}.
 *
 * <p>Deterministic: input {@code i} of a target depends only on the seed, the target and {@code i};
 * the time budget only decides how many inputs are tried. Settings (system properties):
 * {@code wavelength.fuzz.seed} (default {@value #DEFAULT_SEED}), {@code wavelength.fuzz.seconds} per
 * target (default 8, about 40 s in all), {@code wavelength.fuzz.iterations}, the most per target,
 * {@code wavelength.fuzz.only}, the targets to run (comma-separated: feed, transcript, chapters, opml, chat-request).
 * Without the data folder ({@code -Dwavelength.corpus} or {@code -Dcorpus.dir}) the test is skipped;
 * the crashers kept in {@code src/test/resources/fuzz/} always run ({@link FuzzRegressionTest}).
 */
class ParsersFuzzTest {

    static final long DEFAULT_SEED = 20261208L;
    /** Larger seeds are cut to this, so that an iteration takes milliseconds (the cut is a mutation too). */
    private static final int MAX_SEED_BYTES = 64 * 1024;
    /** An input that takes longer than this is a finding: a worker tied up. */
    private static final Duration SLOW = Duration.ofSeconds(5);
    private static final int MAX_CRASH_REPORTS = 20;

    /** One parser under test: what it may throw when it refuses an input, and how to call it. */
    record Parser(String name, Class<? extends Throwable> refusal, Call call) {
    }

    @FunctionalInterface
    interface Call {
        void accept(byte[] input, Random random) throws Exception;
    }

    record Crash(String target, int iteration, Throwable failure, Path saved) {
        String describe() {
            StackTraceElement[] trace = failure.getStackTrace();
            String where = trace.length == 0 ? "?" : trace[0].toString();
            return target + " #" + iteration + ": " + failure + " at " + where + " (input: " + saved + ")";
        }
    }

    private static final String[] TRANSCRIPT_TYPES = {"text/vtt", "application/x-subrip", "application/srt", "text/html",
            "application/json", "text/plain", "text/markdown", null};
    private static final String[] TRANSCRIPT_URLS = {"https://example.com/t.vtt", "https://example.com/t.srt",
            "https://example.com/t.html", "https://example.com/t.json", "https://example.com/t.txt", null};

    /** The parsers of what strangers send, each with the exception that is its refusal. */
    static List<Parser> parsers() {
        FeedParser feeds = new FeedParser(Duration.ofSeconds(5));
        TranscriptParser transcripts = new TranscriptParser();
        ChaptersParser chapters = new ChaptersParser();
        OpmlReader opml = new OpmlReader();
        RequestParser requests = new RequestParser(Clock.fixed(Instant.parse("2026-12-08T00:00:00Z"), ZoneOffset.UTC));
        URI base = URI.create("https://example.com/podcast/feed.xml");
        return List.of(
                new Parser("feed", FeedParseException.class, (input, random) -> feeds.parse(input, base)),
                new Parser("transcript", TranscriptException.class,
                        (input, random) -> transcripts.parse(input, TRANSCRIPT_TYPES[random.nextInt(TRANSCRIPT_TYPES.length)],
                                TRANSCRIPT_URLS[random.nextInt(TRANSCRIPT_URLS.length)])),
                new Parser("chapters", TranscriptException.class,
                        (input, random) -> chapters.parse(input, "https://example.com/chapters.json")),
                new Parser("opml", OpmlException.class, (input, random) -> opml.read(input)),
                // The chat's parser declares no refusal: every message gets an answer.
                new Parser("chat-request", NoRefusal.class,
                        (input, random) -> requests.parse(new String(input, StandardCharsets.UTF_8))));
    }

    private static List<byte[]> seedsOf(Parser parser, Path data) {
        return switch (parser.name()) {
            case "feed" -> seeds(data, "feeds", ".rss", ".xml", ".atom");
            case "transcript" -> Stream.concat(seeds(data, "transcripts", ".vtt", ".srt", ".html", ".json", ".txt").stream(),
                    Files.isDirectory(data.resolve("transcript-corpus"))
                            ? seeds(data, "transcript-corpus", ".md").stream() : Stream.<byte[]>empty()).toList();
            case "chapters" -> seeds(data, "chapters", ".json");
            case "opml" -> opmlSeeds(data);
            case "chat-request" -> requestSeeds(data);
            default -> throw new IllegalArgumentException(parser.name());
        };
    }

    /** Stands for "no exception is a refusal". */
    static final class NoRefusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    @Timeout(300)
    void theParsersOnlyEverAcceptOrRefuseWithTheirOwnExceptions() {
        Path data = dataFolder();
        long seed = Long.getLong("wavelength.fuzz.seed", DEFAULT_SEED);
        double seconds = Double.parseDouble(System.getProperty("wavelength.fuzz.seconds", "8"));
        int maxIterations = Integer.getInteger("wavelength.fuzz.iterations", 1_000_000);
        System.out.printf(Locale.ROOT, "Fuzzing with seed %d (reproduce with -Dwavelength.fuzz.seed=%d), %.1f s or %d inputs per target%n",
                seed, seed, seconds, maxIterations);

        List<Crash> crashes = new ArrayList<>();
        List<String> only = List.of(System.getProperty("wavelength.fuzz.only", "").split(","));
        for (Parser parser : parsers()) {
            if (!only.equals(List.of("")) && !only.contains(parser.name())) {
                continue;
            }
            crashes.addAll(fuzz(parser, seedsOf(parser, data), seed, (long) (seconds * 1e9), maxIterations));
        }

        assertThat(crashes).as(() -> "crashes (seed " + seed + "):\n" + String.join("\n",
                crashes.stream().limit(MAX_CRASH_REPORTS).map(Crash::describe).toList())).isEmpty();
    }

    private static List<Crash> fuzz(Parser target, List<byte[]> seeds, long seed, long budgetNanos, int maxIterations) {
        assertThat(seeds).as("seeds of " + target.name()).isNotEmpty();
        long end = System.nanoTime() + budgetNanos;
        int tried = 0;
        int accepted = 0;
        int refused = 0;
        long slowest = 0;
        List<Crash> crashes = new ArrayList<>();
        Map<String, Integer> distinct = new LinkedHashMap<>();
        for (int i = 0; i < maxIterations && System.nanoTime() < end; i++) {
            Random random = new Random(seed * 31 + target.name().hashCode() * 1_000_003L + i);
            byte[] input = new Mutator(random, seeds).next();
            long start = System.nanoTime();
            try {
                target.call().accept(input, random);
                accepted++;
            } catch (Throwable failure) {
                if (target.refusal().isInstance(failure) && !(failure instanceof NoRefusal)) {
                    refused++;
                } else {
                    String key = failure.getClass().getName() + " at " + topFrame(failure);
                    if (distinct.merge(key, 1, Integer::sum) == 1) {
                        crashes.add(new Crash(target.name(), i, failure, save(target.name(), i, input)));
                    }
                }
            }
            long took = System.nanoTime() - start;
            slowest = Math.max(slowest, took);
            if (took > SLOW.toNanos()) {
                crashes.add(new Crash(target.name(), i, new AssertionError("took " + took / 1_000_000 + " ms"),
                        save(target.name(), i, input)));
            }
            tried++;
        }
        System.out.printf(Locale.ROOT, "fuzz %-13s %7d inputs from %3d seeds: %7d accepted, %7d refused, %d crashes "
                        + "(%d distinct), slowest %d ms%n", target.name(), tried, seeds.size(), accepted, refused,
                distinct.values().stream().mapToInt(Integer::intValue).sum(), distinct.size(), slowest / 1_000_000);
        distinct.forEach((key, count) -> System.out.println("    crash x" + count + ": " + key));
        return crashes;
    }

    private static String topFrame(Throwable failure) {
        return Arrays.stream(failure.getStackTrace()).filter(frame -> frame.getClassName().startsWith("org.wavelength"))
                .findFirst().or(() -> Arrays.stream(failure.getStackTrace()).findFirst()).map(String::valueOf).orElse("?");
    }

    private static Path save(String target, int iteration, byte[] input) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "fuzz-crashers"));
            return Files.write(folder.resolve(target + "-" + iteration + ".bin"), input).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- seeds ----

    /** The shared data folder, or a skipped test: clones of the project do not have it. */
    static Path dataFolder() {
        String setting = System.getProperty("wavelength.corpus", System.getProperty("corpus.dir"));
        Assumptions.assumeTrue(setting != null && !setting.isBlank(),
                "Skipped: no data folder given; run with -Dwavelength.corpus=<path to shared/data> to fuzz from real feeds.");
        Path data = Path.of(setting).toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(data.resolve("feeds")) && Files.isDirectory(data.resolve("transcripts")),
                "Skipped: the data folder " + data + " does not exist or has no feeds/ and transcripts/ folders.");
        return data;
    }

    private static List<byte[]> seeds(Path data, String folder, String... extensions) {
        List<byte[]> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.walk(data.resolve(folder))) {
            files.filter(Files::isRegularFile)
                    .filter(file -> Stream.of(extensions).anyMatch(file.getFileName().toString()::endsWith))
                    .filter(file -> !file.getFileName().toString().contains("_parsed"))
                    .sorted()
                    .forEach(file -> seeds.add(read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return seeds;
    }

    private static byte[] read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return bytes.length > MAX_SEED_BYTES ? Arrays.copyOf(bytes, MAX_SEED_BYTES) : bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared data has no OPML: the bundled starter list, and one built from the real feeds' addresses. */
    private static List<byte[]> opmlSeeds(Path data) {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(read(Path.of("src/main/resources/org/wavelength/ingest/starter-feeds.opml")));
        StringBuilder nested = new StringBuilder("<?xml version=\"1.0\"?><opml version=\"1.0\"><head><title>x</title></head><body>"
                + "<outline text=\"Podcasts\">");
        try (Stream<Path> files = Files.list(data.resolve("feeds/real"))) {
            files.sorted().forEach(file -> nested.append("<outline type=\"rss\" text=\"").append(file.getFileName())
                    .append("\" xmlUrl=\"https://feeds.example.com/").append(file.getFileName()).append("\"/>"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        seeds.add(nested.append("</outline></body></opml>").toString().getBytes(StandardCharsets.UTF_8));
        return seeds;
    }

    /** What listeners type, and lines of real transcripts for the topics. */
    private static List<byte[]> requestSeeds(Path data) {
        List<String> messages = new ArrayList<>(List.of("short episodes about the history of computing",
                "something like Limetown but newer", "podcasts in German about cooking", "under 20 minutes, from 2023",
                "the second one, but shorter", "more like that", "recommend me something to listen to",
                "给我推荐一些关于历史的播客", "像这个一样的", "第二个", "an episode called \"The Quiet Signal\"",
                "long interviews about science in English", "latest news episodes"));
        for (byte[] transcript : seeds(data, "transcripts", ".srt", ".vtt")) {
            new String(transcript, StandardCharsets.UTF_8).lines()
                    .filter(line -> line.length() > 20 && !line.contains("-->")).limit(15).forEach(messages::add);
        }
        return messages.stream().map(message -> message.getBytes(StandardCharsets.UTF_8)).toList();
    }
}
