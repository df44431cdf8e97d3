package org.wavelength.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.index.IndexDocuments;
import org.wavelength.core.index.ItemTexts;
import org.wavelength.core.index.SegmentMeasures;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.port.Fixtures;
import org.wavelength.core.port.InMemoryVectorStore;

/**
 * The floor over the in-memory store. The table embedder gives every probe the same vector, (1, 1, 1),
 * so the background of a kind is the cosines of its items to that direction, each once per probe, and
 * its percentile is one of those cosines.
 */
class SemanticFloorTest {

    static final double ONE_AXIS = 1 / Math.sqrt(3); // cos((1,0,0), (1,1,1))
    static final double TWO_AXES = 2 / Math.sqrt(6); // cos((1,1,0), (1,1,1))

    Fixtures.TableEmbedder embedder = new Fixtures.TableEmbedder();
    SegmentedIndex index = new SegmentedIndex(new InMemoryVectorStore(), new Fixtures.FixedEmbedders(embedder));
    AtomicLong now = new AtomicLong();
    SemanticFloor median = new SemanticFloor(index, 0.5, now::get);

    static Podcast podcast(long id, String language) {
        return new Podcast(id, id, "https://example.com/" + id, "Podcast " + id, "Author", "About podcast " + id, language,
                List.of(), null, null, false, 0);
    }

    static Episode episode(long id, long podcastId) {
        return new Episode(id, podcastId, "guid-" + id, "Episode " + id, "", null, Instant.EPOCH, 600, null, null,
                null, null, null, null);
    }

    void indexed(Podcast podcast, float... vector) {
        embedder.with(ItemTexts.of(podcast), vector); // the text as indexed
        index.write(List.of(IndexDocuments.of(podcast)));
    }

    void indexed(Podcast podcast, Episode episode, float... vector) {
        embedder.with(ItemTexts.of(podcast, episode), vector);
        index.write(List.of(IndexDocuments.of(podcast, episode)));
    }

    @Test
    void percentileIsTheNearestRank() {
        double[] sorted = {0.1, 0.2, 0.3, 0.4};
        assertThat(SegmentMeasures.percentile(sorted, 0.5)).isEqualTo(0.2);
        assertThat(SegmentMeasures.percentile(sorted, 0.51)).isEqualTo(0.3);
        assertThat(SegmentMeasures.percentile(sorted, 0.975)).isEqualTo(0.4);
        assertThat(SegmentMeasures.percentile(sorted, 0.01)).isEqualTo(0.1);
    }

    @Test
    void backgroundIsEveryProbeAgainstEveryItemSorted() {
        List<float[]> probes = List.of(new float[] {1, 0}, new float[] {0, 1});
        double[] background = SemanticFloor.background(probes, List.of(new float[] {3, 4}, new float[] {2, 0}));
        assertThat(background).containsExactly(new double[] {0, 0.6, 0.8, 1}, within(1e-6));
    }

    @Test
    void eachKindHasItsOwnFloor() {
        Podcast show = podcast(1, "en");
        indexed(show, 1, 0, 0);
        indexed(podcast(2, "en"), 1, 1, 0);
        indexed(podcast(3, "en"), 1, 1, 1);
        indexed(show, episode(10, 1), 1, 0, 0);
        indexed(show, episode(11, 1), 1, 0, 0);
        indexed(show, episode(12, 1), 1, 1, 0);

        assertThat(median.of("en", ItemKind.PODCAST).getAsDouble()).isCloseTo(TWO_AXES, within(1e-6));
        assertThat(median.of("en", ItemKind.EPISODE).getAsDouble()).isCloseTo(ONE_AXIS, within(1e-6));
        assertThat(median.of("en", ItemKind.PASSAGE)).as("no passages, nothing to measure").isEmpty();
    }

    @Test
    void eachSegmentHasItsOwnFloor() {
        indexed(podcast(1, "en"), 1, 0, 0);
        indexed(podcast(2, "en"), 1, 0, 0);
        indexed(podcast(3, "de"), 1, 1, 1);
        indexed(podcast(4, "de"), 1, 1, 1);

        assertThat(median.of("en", ItemKind.PODCAST).getAsDouble()).isCloseTo(ONE_AXIS, within(1e-6));
        assertThat(median.of("de", ItemKind.PODCAST).getAsDouble()).isCloseTo(1, within(1e-6));
        assertThat(median.of("fr", ItemKind.PODCAST)).as("a segment without a collection").isEmpty();
    }

    @Test
    void aHigherPercentileIsAHigherFloor() {
        indexed(podcast(1, "en"), 1, 0, 0);
        indexed(podcast(2, "en"), 1, 1, 0);
        indexed(podcast(3, "en"), 1, 1, 1);
        SemanticFloor strict = new SemanticFloor(index, 0.99, now::get);
        SemanticFloor lenient = new SemanticFloor(index, 0.1, now::get);

        assertThat(strict.of("en", ItemKind.PODCAST).getAsDouble()).isCloseTo(1, within(1e-6));
        assertThat(lenient.of("en", ItemKind.PODCAST).getAsDouble()).isCloseTo(ONE_AXIS, within(1e-6));
    }

    @Test
    void theFloorIsKeptUntilItsTimeIsUp() {
        indexed(podcast(1, "en"), 1, 0, 0);
        assertThat(median.of("en", ItemKind.PODCAST).getAsDouble()).isCloseTo(ONE_AXIS, within(1e-6));

        indexed(podcast(2, "en"), 1, 1, 1);
        indexed(podcast(3, "en"), 1, 1, 1);
        now.addAndGet(TimeUnit.MINUTES.toNanos(SemanticFloor.TTL_MINUTES) - 1);
        assertThat(median.of("en", ItemKind.PODCAST).getAsDouble()).as("cached").isCloseTo(ONE_AXIS, within(1e-6));

        now.addAndGet(1);
        assertThat(median.of("en", ItemKind.PODCAST).getAsDouble()).as("measured again").isCloseTo(1, within(1e-6));
    }

    @Test
    void aSegmentWithItsOwnProbesAlsoUsesTheEnglishOnes() {
        List<String> english = SemanticFloor.probeTexts("en");
        assertThat(english).hasSizeGreaterThan(50).doesNotContain("").noneMatch(p -> p.startsWith("#"));
        assertThat(SemanticFloor.probeTexts("zh")).containsAll(english).hasSizeGreaterThan(english.size());
        assertThat(SemanticFloor.probeTexts("de")).isEqualTo(english);
    }

    @Test
    void aRequestCloseToMostItemsMustStandOutFromThemAsAProbeMust() {
        List<float[]> items = new java.util.ArrayList<>();
        for (int i = 0; i < SemanticFloor.MIN_ITEMS_FOR_TYPICAL; i++) {
            items.add(i < 60 ? new float[] {1, 0} : new float[] {0, 1});
        }
        SemanticFloor.Background background = new SemanticFloor.Background(items, 0.5, 0.2);

        // Nearer to most items (median cosine 1) than the probes are (0.2): the floor rises by the difference.
        assertThat(background.floorFor(new float[] {1, 0})).isCloseTo(1.3, within(1e-6));
        // Near a minority (median 0), or far from all: the plain floor, never lower.
        assertThat(background.floorFor(new float[] {0, 1})).isCloseTo(0.5, within(1e-6));
        assertThat(background.floorFor(new float[] {-1, 0})).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void aFewItemsOrALongTextKeepThePlainFloor() {
        for (long id = 1; id <= 3; id++) {
            indexed(podcast(id, "en"), 1, 0, 0);
        }
        double plain = median.of("en", ItemKind.PODCAST).getAsDouble();
        // Every item is the query's direction: close to all of them, but three say nothing typical.
        assertThat(median.of("en", ItemKind.PODCAST, "a short request", new float[] {1, 0, 0}).getAsDouble())
                .isCloseTo(plain, within(1e-6));

        for (long id = 4; id <= SemanticFloor.MIN_ITEMS_FOR_TYPICAL + 3; id++) {
            indexed(podcast(id, "en"), 1, 0, 0);
        }
        now.addAndGet(TimeUnit.MINUTES.toNanos(SemanticFloor.TTL_MINUTES));
        double many = median.of("en", ItemKind.PODCAST).getAsDouble();
        assertThat(median.of("en", ItemKind.PODCAST, "a short request", new float[] {1, 0, 0}).getAsDouble())
                .as("median 1 against the probes' 1/sqrt(3)").isCloseTo(many + 1 - ONE_AXIS, within(1e-6));
        assertThat(median.of("en", ItemKind.PODCAST, "a whole description of a show is longer than any probe",
                new float[] {1, 0, 0}).getAsDouble()).isCloseTo(many, within(1e-6));
    }

    @Test
    void aRequestAsLongAsTheLongestProbeIsRequestLike() {
        assertThat(SemanticFloor.probeTexts("en").stream().mapToInt(SemanticFloor::words).max().getAsInt())
                .isEqualTo(SemanticFloor.LONGEST_PROBE_WORDS);
    }

    @Test
    void thePercentileIsAShare() {
        assertThatThrownBy(() -> new SemanticFloor(index, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SemanticFloor(index, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
