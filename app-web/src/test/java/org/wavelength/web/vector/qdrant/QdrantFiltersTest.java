package org.wavelength.web.vector.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wavelength.web.vector.qdrant.QdrantTestData.A;
import static org.wavelength.web.vector.qdrant.QdrantTestData.B;
import static org.wavelength.web.vector.qdrant.QdrantTestData.must;
import static org.wavelength.web.vector.qdrant.QdrantTestData.uuids;

import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.port.VectorFilter;

/** The Qdrant filter of every port filter field. */
class QdrantFiltersTest {

    // ---------------------------------------------------------------- filters

    @Test
    void emptyFiltersDoNotRestrict() {
        assertThat(QdrantFilters.filter(null)).isEqualTo(Filter.getDefaultInstance());
        assertThat(QdrantFilters.filter(VectorFilter.ALL)).isEqualTo(Filter.getDefaultInstance());
        assertThat(QdrantFilters.filter(VectorFilter.ALL.withCategories(Set.of()).withPodcasts(Set.of())
                .excludingPodcasts(Set.of()))).isEqualTo(Filter.getDefaultInstance());
    }

    @Test
    void kindAndLanguageMatchKeywords() {
        Filter filter = QdrantFilters.filter(VectorFilter.kind(ItemKind.PASSAGE).withLanguage("de"));

        assertThat(filter.getMustList()).hasSize(2);
        assertThat(must(filter, "kind").getMatch().getKeyword()).isEqualTo("PASSAGE");
        assertThat(must(filter, "language").getMatch().getKeyword()).isEqualTo("de");
        assertThat(filter.getMustNotList()).isEmpty();
        assertThat(filter.getShouldList()).isEmpty();
    }

    @Test
    void categoriesMatchAnyKeyword() {
        Filter filter = QdrantFilters.filter(VectorFilter.ALL.withCategories(Set.of("Science", "History", "Arts")));

        FieldCondition categories = must(filter, "categories");
        assertThat(categories.getMatch().hasKeywords()).isTrue();
        assertThat(categories.getMatch().getKeywords().getStringsList()).containsExactly("Arts", "History", "Science");
    }

    @Test
    void podcastIdsMatchAnyInteger() {
        Filter filter = QdrantFilters.filter(VectorFilter.ALL.withPodcasts(Set.of(9L, 3L, 5L)));

        FieldCondition podcasts = must(filter, "podcast_id");
        assertThat(podcasts.getMatch().hasIntegers()).isTrue();
        assertThat(podcasts.getMatch().getIntegers().getIntegersList()).containsExactly(3L, 5L, 9L);
        assertThat(filter.getMustNotList()).isEmpty();
    }

    @Test
    void excludedPodcastsAreMustNot() {
        Filter filter = QdrantFilters.filter(VectorFilter.ALL.excludingPodcasts(Set.of(4L, 2L)));

        assertThat(filter.getMustList()).isEmpty();
        assertThat(filter.getMustNotList()).hasSize(1);
        FieldCondition excluded = filter.getMustNot(0).getField();
        assertThat(excluded.getKey()).isEqualTo("podcast_id");
        assertThat(excluded.getMatch().getIntegers().getIntegersList()).containsExactly(2L, 4L);
    }

    @Test
    void excludedIdsAreMustNotHasIdSortedAndOnlyUuids() {
        Filter filter = QdrantFilters.filter(VectorFilter.ALL.excluding(B).excluding(A).excluding("not-a-uuid"));

        assertThat(filter.getMustList()).isEmpty();
        assertThat(filter.getMustNotList()).hasSize(1);
        List<String> excluded = uuids(filter.getMustNot(0));
        assertThat(excluded).containsExactlyInAnyOrder(A, B).isSorted();
    }

    @Test
    void onlyNonUuidExcludedIdsDoNotRestrict() {
        assertThat(QdrantFilters.filter(VectorFilter.ALL.excluding("podcast-1")))
                .isEqualTo(Filter.getDefaultInstance());
    }

    @Test
    void durationsAreOneInclusiveRange() {
        FieldCondition both = must(QdrantFilters.filter(VectorFilter.ALL.withDuration(600, 3600)),
                "duration_seconds");
        assertThat(both.hasRange()).isTrue();
        assertThat(both.getRange().getGte()).isEqualTo(600.0);
        assertThat(both.getRange().getLte()).isEqualTo(3600.0);
        assertThat(both.getRange().hasGt()).isFalse();
        assertThat(both.getRange().hasLt()).isFalse();

        FieldCondition min = must(QdrantFilters.filter(VectorFilter.ALL.withDuration(600, null)), "duration_seconds");
        assertThat(min.getRange().getGte()).isEqualTo(600.0);
        assertThat(min.getRange().hasLte()).isFalse();

        FieldCondition max = must(QdrantFilters.filter(VectorFilter.ALL.withDuration(null, 90)), "duration_seconds");
        assertThat(max.getRange().hasGte()).isFalse();
        assertThat(max.getRange().getLte()).isEqualTo(90.0);
    }

    @Test
    void publishedAfterIsInclusiveDatetimeRange() {
        Instant after = Instant.parse("2024-05-01T08:00:00.123456789Z");

        FieldCondition published = must(QdrantFilters.filter(VectorFilter.ALL.withPublishedAfter(after)),
                "published_at");

        assertThat(published.hasDatetimeRange()).isTrue();
        assertThat(published.getDatetimeRange().hasGte()).isTrue();
        assertThat(published.getDatetimeRange().hasGt()).isFalse();
        assertThat(published.getDatetimeRange().getGte().getSeconds()).isEqualTo(after.getEpochSecond());
        // Truncated to microseconds, like the stored value.
        assertThat(published.getDatetimeRange().getGte().getNanos()).isEqualTo(123_456_000);
    }

    @Test
    void explicitMatchesBool() {
        assertThat(must(QdrantFilters.filter(VectorFilter.ALL.withExplicit(false)), "explicit").getMatch())
                .satisfies(m -> {
                    assertThat(m.hasBoolean()).isTrue();
                    assertThat(m.getBoolean()).isFalse();
                });
        assertThat(must(QdrantFilters.filter(VectorFilter.ALL.withExplicit(true)), "explicit").getMatch()
                .getBoolean()).isTrue();
    }

    @Test
    void everyFieldTogether() {
        VectorFilter all = VectorFilter.kind(ItemKind.EPISODE).withLanguage("en").withCategories(Set.of("News"))
                .withPodcasts(Set.of(1L)).withExplicit(false).withDuration(60, 600)
                .withPublishedAfter(Instant.parse("2024-01-01T00:00:00Z")).excluding(A)
                .excludingPodcasts(Set.of(2L));

        Filter filter = QdrantFilters.filter(all);

        assertThat(filter.getMustList()).extracting(c -> c.getField().getKey()).containsExactly("kind", "language",
                "categories", "podcast_id", "explicit", "duration_seconds", "published_at");
        assertThat(filter.getMustNotList()).hasSize(2);
        assertThat(filter.getMustNot(0).getField().getKey()).isEqualTo("podcast_id");
        assertThat(uuids(filter.getMustNot(1))).containsExactly(A);
    }
}
