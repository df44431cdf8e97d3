package org.wavelength.web.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Episodes per podcast, counted in one query for a whole page. */
final class EpisodeCounts {

    private EpisodeCounts() {
    }

    static Map<Long, Integer> of(Collection<Long> podcastIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (podcastIds.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = EpisodeEntity.getEntityManager()
                .createQuery("select e.podcastId, count(e) from EpisodeEntity e where e.podcastId in :ids group by e.podcastId",
                        Object[].class)
                .setParameter("ids", podcastIds)
                .getResultList();
        for (Object[] row : rows) {
            counts.put((Long) row[0], ((Long) row[1]).intValue());
        }
        return counts;
    }
}
