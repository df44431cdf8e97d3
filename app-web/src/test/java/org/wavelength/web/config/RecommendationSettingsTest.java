package org.wavelength.web.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.Strategy;
import org.wavelength.core.recommend.Recommendations;

/** wavelength.recommend.* becomes the core's settings, and nonsense is refused with the property's name. */
class RecommendationSettingsTest {

    record Weights(double profile, double recent, double similarUsers, double following)
            implements WavelengthConfig.Recommend.Weights {
    }

    record Recommend(Weights weights, int maxPerPodcast, double relevanceOverDiversity, double freshnessBoost,
            Duration freshnessHalfLife, Duration popularWindow) implements WavelengthConfig.Recommend {
    }

    static Recommend valid() {
        return new Recommend(new Weights(1.0, 0.5, 0.8, 0), 3, 0.6, 0.1, Duration.ofDays(7), Duration.ofDays(10));
    }

    @Test
    void theValuesReachTheCoreSettings() {
        Recommendations.Settings settings = CoreBeans.recommendationSettings(valid());
        assertThat(settings.weights()).isEqualTo(Map.of(Strategy.PROFILE, 1.0, Strategy.RECENT, 0.5,
                Strategy.SIMILAR_USERS, 0.8, Strategy.FOLLOWING, 0.0));
        assertThat(settings.maxPerPodcast()).isEqualTo(3);
        assertThat(settings.relevanceOverDiversity()).isEqualTo(0.6);
        assertThat(settings.freshnessBoost()).isEqualTo(0.1);
        assertThat(settings.freshnessHalfLife()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.popularWindow()).isEqualTo(Duration.ofDays(10));
    }

    @Test
    void nonsenseIsRefusedWithThePropertysName() {
        Recommend v = valid();
        assertThatThrownBy(() -> CoreBeans.recommendationSettings(new Recommend(new Weights(1, -1, 1, 1), 2, 0.7, 0.2,
                v.freshnessHalfLife(), v.popularWindow()))).hasMessageContaining("wavelength.recommend.weights.recent");
        assertThatThrownBy(() -> CoreBeans.recommendationSettings(new Recommend(v.weights(), 0, 0.7, 0.2,
                v.freshnessHalfLife(), v.popularWindow()))).hasMessageContaining("max-per-podcast");
        assertThatThrownBy(() -> CoreBeans.recommendationSettings(new Recommend(v.weights(), 2, 1.5, 0.2,
                v.freshnessHalfLife(), v.popularWindow()))).hasMessageContaining("relevance-over-diversity");
        assertThatThrownBy(() -> CoreBeans.recommendationSettings(new Recommend(v.weights(), 2, 0.7, Double.NaN,
                v.freshnessHalfLife(), v.popularWindow()))).hasMessageContaining("freshness-boost");
        assertThatThrownBy(() -> CoreBeans.recommendationSettings(new Recommend(v.weights(), 2, 0.7, 0.2,
                Duration.ZERO, v.popularWindow()))).hasMessageContaining("freshness-half-life");
        assertThatThrownBy(() -> CoreBeans.recommendationSettings(new Recommend(v.weights(), 2, 0.7, 0.2,
                v.freshnessHalfLife(), Duration.ofDays(-1)))).hasMessageContaining("popular-window");
    }
}
