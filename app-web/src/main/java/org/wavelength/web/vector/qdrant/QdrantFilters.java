package org.wavelength.web.vector.qdrant;

import static io.qdrant.client.ConditionFactory.datetimeRange;
import static io.qdrant.client.ConditionFactory.hasId;
import static io.qdrant.client.ConditionFactory.isEmpty;
import static io.qdrant.client.ConditionFactory.match;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.matchKeywords;
import static io.qdrant.client.ConditionFactory.matchValues;
import static io.qdrant.client.ConditionFactory.range;
import static io.qdrant.client.ValueFactory.value;
import static org.wavelength.web.vector.qdrant.QdrantPoints.CATEGORIES;
import static org.wavelength.web.vector.qdrant.QdrantPoints.DURATION_SECONDS;
import static org.wavelength.web.vector.qdrant.QdrantPoints.EXPLICIT;
import static org.wavelength.web.vector.qdrant.QdrantPoints.KIND;
import static org.wavelength.web.vector.qdrant.QdrantPoints.LANGUAGE;
import static org.wavelength.web.vector.qdrant.QdrantPoints.PODCAST_ID;
import static org.wavelength.web.vector.qdrant.QdrantPoints.PUBLISHED_AT;

import com.google.protobuf.Timestamp;
import io.qdrant.client.grpc.Common.DatetimeRange;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Common.Range;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.wavelength.core.port.VectorFilter;

/**
 * The Qdrant filter of a port filter, over the payload {@link QdrantPoints} writes. Pure functions.
 */
public final class QdrantFilters {

    private QdrantFilters() {
    }

    /**
     * The Qdrant filter of a port filter. Each set field is one {@code must} condition (kind, language and explicit
     * match; categories and podcast ids match any of their values; the duration bounds are one inclusive range;
     * published-after is an inclusive datetime range); excluded ids and excluded podcasts are {@code must_not}
     * conditions. A null filter, null field or empty set does not restrict. Set values are sorted, so the request does
     * not depend on set iteration order.
     */
    public static Filter filter(VectorFilter filter) {
        return filter(filter, List.of());
    }

    /** {@link #filter(VectorFilter)}, also excluding {@code moreExcludedIds}. */
    static Filter filter(VectorFilter filter, Collection<String> moreExcludedIds) {
        Filter.Builder builder = Filter.newBuilder();
        Set<String> excludedIds = new LinkedHashSet<>(moreExcludedIds);
        if (filter != null) {
            if (filter.kind() != null) {
                builder.addMust(matchKeyword(KIND, filter.kind().name()));
            }
            if (filter.language() != null) {
                builder.addMust(matchKeyword(LANGUAGE, filter.language()));
            }
            if (!filter.categories().isEmpty()) {
                builder.addMust(matchKeywords(CATEGORIES, filter.categories().stream().sorted().toList()));
            }
            if (!filter.podcastIds().isEmpty()) {
                builder.addMust(matchValues(PODCAST_ID, filter.podcastIds().stream().sorted().toList()));
            }
            if (filter.explicit() != null) {
                builder.addMust(match(EXPLICIT, filter.explicit()));
            }
            if (filter.minDurationSeconds() != null || filter.maxDurationSeconds() != null) {
                Range.Builder range = Range.newBuilder();
                if (filter.minDurationSeconds() != null) {
                    range.setGte(filter.minDurationSeconds());
                }
                if (filter.maxDurationSeconds() != null) {
                    range.setLte(filter.maxDurationSeconds());
                }
                builder.addMust(range(DURATION_SECONDS, range.build()));
            }
            if (filter.publishedAfter() != null) {
                builder.addMust(datetimeRange(PUBLISHED_AT,
                        DatetimeRange.newBuilder().setGte(timestamp(filter.publishedAfter())).build()));
            }
            if (!filter.excludedPodcastIds().isEmpty()) {
                builder.addMustNot(matchValues(PODCAST_ID, filter.excludedPodcastIds().stream().sorted().toList()));
            }
            excludedIds.addAll(filter.excludedIds());
        }
        List<PointId> excluded = QdrantPoints.existingPointIds(excludedIds);
        if (!excluded.isEmpty()) {
            builder.addMustNot(hasId(excluded));
        }
        return builder.build();
    }

    /** {@code filter} restricted to points without a podcast id (which the groups API leaves out). */
    static Filter withoutPodcast(Filter filter) {
        return filter.toBuilder().addMust(isEmpty(PODCAST_ID)).build();
    }

    static Timestamp timestamp(Instant instant) {
        Instant value = QdrantPoints.micros(instant);
        return Timestamp.newBuilder().setSeconds(value.getEpochSecond()).setNanos(value.getNano()).build();
    }
}
