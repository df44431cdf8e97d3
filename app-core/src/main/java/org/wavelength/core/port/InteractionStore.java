package org.wavelength.core.port;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.wavelength.core.domain.Interaction;

/** What users did, newest first. */
public interface InteractionStore {

    void record(Interaction interaction);

    List<Interaction> recent(long userId, int limit);

    /** The newest {@code limitEach} interactions of each of these users, newest first per user. */
    List<Interaction> recent(Collection<Long> userIds, int limitEach);

    /** Episodes by how many distinct listeners engaged with them since {@code since}, most first. */
    List<Long> popularEpisodes(Instant since, int limit);

    /** Every user who did anything (their profile vectors are rebuilt with the index). */
    List<Long> users();
}
