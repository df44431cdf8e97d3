package org.wavelength.core.recommend;

import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Reason;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.domain.Strategy;

/** An episode some strategy proposes, in the segment it was found in, with its vector when known. */
record Candidate(long episodeId, Long podcastId, String segment, double score, float[] vector, Reason reason,
        Strategy strategy, double freshness) {

    Candidate(long episodeId, Long podcastId, String segment, double score, float[] vector, Reason reason,
            Strategy strategy) {
        this(episodeId, podcastId, segment, score, vector, reason, strategy, 0);
    }

    Candidate withScore(double value) {
        return new Candidate(episodeId, podcastId, segment, value, vector, reason, strategy, freshness);
    }

    Candidate withVector(float[] value) {
        return new Candidate(episodeId, podcastId, segment, score, value, reason, strategy, freshness);
    }

    Candidate hydrated(Episode episode, Podcast podcast, double freshnessValue) {
        return new Candidate(episodeId, episode.podcastId(), segment == null ? Segments.of(podcast.language()) : segment,
                score, vector, reason, strategy, freshnessValue);
    }
}
