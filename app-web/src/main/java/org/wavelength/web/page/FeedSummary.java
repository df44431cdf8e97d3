package org.wavelength.web.page;

import java.util.Map;
import org.wavelength.core.domain.FeedStatus;

/** The state of all feeds in a sentence or two, for the home page of an empty catalogue. */
public record FeedSummary(long total, long waiting, long failing, String lastError) {

    public static FeedSummary of(Map<FeedStatus, Long> counts, String lastError) {
        long waiting = counts.getOrDefault(FeedStatus.PENDING, 0L) + counts.getOrDefault(FeedStatus.FETCHING, 0L);
        long failing = counts.getOrDefault(FeedStatus.ERROR, 0L) + counts.getOrDefault(FeedStatus.DEAD, 0L);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new FeedSummary(total, waiting, failing, lastError);
    }

    /** Every feed was tried and none could be read: most likely no network. */
    public boolean unreachable() {
        return total > 0 && failing == total;
    }
}
