package org.wavelength.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.Reason;
import org.wavelength.core.domain.Strategy;

class BlendTest {

    static final Reason ANY_REASON = Reason.of(Reason.Kind.CLOSE_TO_HISTORY);

    Blend blend = new Blend(Recommendations.Settings.defaults());

    @Test
    void diversityPrefersANewSubjectOverANearDuplicate() {
        Candidate a = candidate(1, 10, 1.0, 1, 0);
        Candidate nearCopyOfA = candidate(2, 20, 0.95, 1, 0.01f);
        Candidate other = candidate(3, 30, 0.8, 0, 1);

        assertThat(blend.diversify(List.of(a, nearCopyOfA, other), 2))
                .extracting(Candidate::episodeId).containsExactly(1L, 3L);
    }

    @Test
    void theBlendBoostsFreshEpisodes() {
        Candidate old = candidate(1, 10, 1, 1, 0);
        Candidate fresh = new Candidate(2, 20L, "en", 1, new float[] {1, 0}, ANY_REASON, Strategy.PROFILE, 1.0);
        List<Candidate> blended = blend.fuse(Map.of(Strategy.PROFILE, List.of(old, fresh)));
        assertThat(blended.get(0).episodeId()).isEqualTo(2L); // second by rank, first once freshness counts
    }

    static Candidate candidate(long episode, long podcast, double score, float... vector) {
        return new Candidate(episode, podcast, "en", score, vector, ANY_REASON, Strategy.PROFILE);
    }
}
