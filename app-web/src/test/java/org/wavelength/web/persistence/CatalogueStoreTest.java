package org.wavelength.web.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.FeedContent;
import org.wavelength.core.domain.Passage;
import org.wavelength.core.domain.TranscriptSegment;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.FeedStore;

/** Nothing lost, nothing doubled: re-ingest, an episode leaving the feed, a crash in the middle of a write. */
@QuarkusTest
class CatalogueStoreTest {

    @Inject
    CatalogueStore catalogue;

    @Inject
    FeedStore feeds;

    static FeedContent feed(String title, List<FeedContent.Item> items) {
        return new FeedContent(title, "Author", "About", "en", List.of("Technology"), null, null, false, null, items);
    }

    static FeedContent.Item item(String guid, String title) {
        return FeedContent.Item.basic(guid, title, "Notes", "https://cdn.example/" + guid + ".mp3",
                Instant.parse("2024-01-01T00:00:00Z"), 600, null);
    }

    long newFeed() {
        return feeds.register("https://store.example/" + System.nanoTime() + ".xml").feed().id();
    }

    @Test
    void storingTheSameFeedAgainDoublesNothingAndReportsNothingChanged() {
        long feedId = newFeed();
        var first = catalogue.store(feedId, feed("Show", List.of(item("a", "A"), item("b", "B"))));
        var again = catalogue.store(feedId, feed("Show", List.of(item("a", "A"), item("b", "B"))));

        assertThat(first.changedEpisodes()).hasSize(2);
        assertThat(again.changedEpisodes()).isEmpty();
        assertThat(again.podcast().id()).isEqualTo(first.podcast().id());
        assertThat(catalogue.episodes(first.podcast().id(), 100)).hasSize(2);
    }

    @Test
    void anEditedEpisodeIsUpdatedInPlace() {
        long feedId = newFeed();
        var first = catalogue.store(feedId, feed("Show", List.of(item("a", "A"))));
        var edited = catalogue.store(feedId, feed("Show", List.of(item("a", "A, corrected"))));

        assertThat(edited.changedEpisodes()).extracting(Episode::title).containsExactly("A, corrected");
        assertThat(edited.changedEpisodes().get(0).id()).isEqualTo(first.changedEpisodes().get(0).id());
    }

    @Test
    void anEpisodeThatLeavesTheFeedIsKeptAndMarked() {
        long feedId = newFeed();
        var first = catalogue.store(feedId, feed("Show", List.of(item("a", "A"), item("b", "B"))));
        catalogue.store(feedId, feed("Show", List.of(item("b", "B"))));

        List<Episode> episodes = catalogue.episodes(first.podcast().id(), 100);
        assertThat(episodes).hasSize(2);
        assertThat(episodes).filteredOn(e -> e.guid().equals("a")).singleElement()
                .satisfies(e -> assertThat(e.goneFromFeedAt()).isNotNull());
        assertThat(episodes).filteredOn(e -> e.guid().equals("b")).singleElement()
                .satisfies(e -> assertThat(e.goneFromFeedAt()).isNull());

        catalogue.store(feedId, feed("Show", List.of(item("a", "A"), item("b", "B"))));
        assertThat(catalogue.episodes(first.podcast().id(), 100)).allSatisfy(e -> assertThat(e.goneFromFeedAt()).isNull());
    }

    @Test
    void aCrashInTheMiddleOfAWriteLeavesWhatWasStored() {
        long feedId = newFeed();
        var first = catalogue.store(feedId, feed("Show", List.of(item("a", "A"))));
        List<FeedContent.Item> items = new ArrayList<>();
        items.add(item("b", "B"));
        items.add(item("c", "C"));
        items.add(FeedContent.Item.basic(null, "breaks the write half-way", null, null, null, null, null));

        assertThatThrownBy(() -> catalogue.store(feedId, feed("Renamed", items))).isInstanceOf(RuntimeException.class);

        assertThat(catalogue.podcast(first.podcast().id())).hasValueSatisfying(p -> {
            assertThat(p.title()).isEqualTo("Show");
            assertThat(p.episodeCount()).isEqualTo(1);
        });
    }

    @Test
    void aNewTranscriptReplacesTheOldOneWithItsPassages() {
        long feedId = newFeed();
        long episodeId = catalogue.store(feedId, feed("Show", List.of(item("a", "A")))).changedEpisodes().get(0).id();
        List<TranscriptSegment> segments = List.of(new TranscriptSegment(0, 5, "Ann", "Hello."),
                new TranscriptSegment(5, 9, "Bob", "Hi."));

        List<Passage> first = catalogue.storeTranscript(episodeId, "https://t.example/1.vtt", segments,
                List.of(new Passage(0, episodeId, 0, 0, 9, null, "Hello. Hi.")));
        List<Passage> second = catalogue.storeTranscript(episodeId, "https://t.example/2.json", segments.subList(0, 1),
                List.of(new Passage(0, episodeId, 0, 0, 5, "Ann", "Hello.")));

        assertThat(first).singleElement().satisfies(p -> assertThat(p.id()).isPositive());
        assertThat(catalogue.passages(episodeId)).containsExactlyElementsOf(second);
        assertThat(catalogue.episodeDetails(episodeId)).hasValueSatisfying(d -> assertThat(d.transcript())
                .containsExactly(new TranscriptSegment(0, 5, "Ann", "Hello.")));
    }

    @Test
    void episodesAndPassagesAreReadByTheirIds() {
        long feedId = newFeed();
        List<Episode> episodes = catalogue.store(feedId, feed("Show", List.of(item("a", "A"), item("b", "B"))))
                .changedEpisodes();
        long a = episodes.get(0).id();
        List<Passage> passages = catalogue.storeTranscript(a, "https://t.example/a.vtt",
                List.of(new TranscriptSegment(0, 5, "Ann", "Hello.")),
                List.of(new Passage(0, a, 0, 0, 2, "Ann", "Hel"), new Passage(0, a, 1, 2, 5, "Ann", "lo.")));

        assertThat(catalogue.episodes(List.of(a, episodes.get(1).id(), -1L))).containsExactlyInAnyOrderElementsOf(episodes);
        assertThat(catalogue.episodes(List.<Long>of())).isEmpty();
        assertThat(catalogue.passages(List.of(passages.get(1).id(), -1L))).containsExactly(passages.get(1));
        assertThat(catalogue.passages(List.<Long>of())).isEmpty();
    }
}
