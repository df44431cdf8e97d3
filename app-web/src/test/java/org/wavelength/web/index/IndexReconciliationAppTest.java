package org.wavelength.web.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.FeedContent;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.index.IndexReconciliation;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.FeedStore;
import org.wavelength.core.port.PointIds;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.ingest.service.IndexRepair;

/**
 * The crash of issue 14 on the real adapters (H2 or PostgreSQL, Lucene): rows committed, the process gone
 * before the index write. The reconciliation makes every stored podcast and episode searchable, once.
 */
@QuarkusTest
class IndexReconciliationAppTest {

    @Inject
    FeedStore feeds;
    @Inject
    CatalogueStore catalogue;
    @Inject
    SegmentedIndex index;
    @Inject
    IndexRepair repair;

    @Test
    void aPodcastStoredButNeverIndexedBecomesSearchable() {
        long feedId = feeds.register("https://crash.example/" + System.nanoTime() + ".xml").feed().id();
        List<FeedContent.Item> items = IntStream.range(0, 61).mapToObj(i -> FeedContent.Item.basic("g" + i,
                "Lighthouse keepers " + i, "Notes " + i, "https://cdn.example/" + i + ".mp3",
                Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i * 86_400L), 600, null)).toList();
        var stored = catalogue.store(feedId, new FeedContent("Crashed Show", "Author", "About lighthouses", "en",
                List.of("History"), null, null, false, null, items)); // and then kill -9: no index write
        long podcastId = stored.podcast().id();
        VectorFilter ofPodcast = VectorFilter.ALL.withPodcasts(java.util.Set.of(podcastId));
        assertThat(index.count("en", ofPodcast)).as("before: listed, not indexed").isZero();

        IndexReconciliation.Result result = repair.run();

        System.out.printf("Reconciled: %d podcasts, %d written, %d deleted%n", result.podcasts(), result.written(),
                result.deleted());
        assertThat(index.vectorOf("en", PointIds.of(ItemKind.PODCAST, podcastId))).isPresent();
        for (Episode episode : stored.changedEpisodes()) {
            assertThat(index.vectorOf("en", PointIds.of(ItemKind.EPISODE, episode.id()))).isPresent();
        }
        assertThat(index.count("en", ofPodcast)).as("the podcast and its 61 episodes, once each").isEqualTo(62);
        assertThat(repair.run().changedAnything()).as("nothing left to do").isFalse();
    }
}
