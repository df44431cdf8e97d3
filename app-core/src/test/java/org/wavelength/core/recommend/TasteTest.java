package org.wavelength.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.Interaction.Type;
import org.wavelength.core.domain.Interaction;

class TasteTest {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    static Interaction on(long episode, Type type, int minutesAgo) {
        return new Interaction(1, 7L, episode, type, null, NOW.minus(Duration.ofMinutes(minutesAgo)));
    }

    static Interaction onPodcast(long podcast, Type type, int minutesAgo) {
        return new Interaction(1, podcast, null, type, null, NOW.minus(Duration.ofMinutes(minutesAgo)));
    }

    @Test
    void theLatestVerdictOnAnItemWins() {
        Taste likedThenDisliked = Taste.of(List.of(on(1, Type.DISLIKE, 1), on(1, Type.LIKE, 2)), Map.of(), NOW);
        assertThat(likedThenDisliked.engaged).isEmpty();
        assertThat(likedThenDisliked.rejected).extracting(Taste.Rejected::id).containsExactly(1L);

        Taste dislikedThenLiked = Taste.of(List.of(on(1, Type.LIKE, 1), on(1, Type.DISLIKE, 2)), Map.of(), NOW);
        assertThat(dislikedThenLiked.engaged).extracting(Taste.Engaged::id).containsExactly(1L);
        assertThat(dislikedThenLiked.rejected).isEmpty();
    }

    @Test
    void theStrongestSignalCountsNotTheirNumber() {
        Taste taste = Taste.of(List.of(on(1, Type.PLAY, 1), on(1, Type.PLAY, 2), on(1, Type.PLAY, 3), on(2, Type.LIKE, 4)),
                Map.of(), NOW);
        assertThat(taste.strongestEpisodes(2)).extracting(Taste.Engaged::id).containsExactly(2L, 1L);
        assertThat(taste.recentEpisodes(2)).extracting(Taste.Engaged::id).containsExactly(1L, 2L);
    }

    @Test
    void progressWeighsByTheShareHeard() {
        Interaction half = new Interaction(1, 7L, 1L, Type.PROGRESS, 1800, NOW);
        Interaction all = new Interaction(1, 7L, 1L, Type.PROGRESS, 3600, NOW);
        assertThat(Taste.weight(half, 3600)).isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Taste.weight(all, 3600)).isEqualTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void signalsLoseHalfTheirWeightEveryThirtyDays() {
        assertThat(Taste.decay(NOW, NOW)).isEqualTo(1.0);
        assertThat(Taste.decay(NOW.minus(Duration.ofDays(30)), NOW)).isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Taste.decay(NOW.minus(Duration.ofDays(60)), NOW)).isEqualTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void leavingOrDismissingAPodcastExcludesItAndItsEpisodes() {
        Taste taste = Taste.of(List.of(onPodcast(7, Type.UNSUBSCRIBE, 1), onPodcast(7, Type.SUBSCRIBE, 5), on(1, Type.LIKE, 6),
                onPodcast(9, Type.NOT_INTERESTED, 2), onPodcast(8, Type.SUBSCRIBE, 3)), Map.of(), NOW);
        assertThat(taste.followedPodcasts).containsExactly(8L);
        assertThat(taste.excludedPodcasts).containsExactlyInAnyOrder(7L, 9L);
        assertThat(taste.engaged).extracting(Taste.Engaged::id).containsExactly(8L); // the like of podcast 7's episode is gone
        assertThat(taste.rejected).extracting(Taste.Rejected::id).containsExactly(9L);
    }
}
