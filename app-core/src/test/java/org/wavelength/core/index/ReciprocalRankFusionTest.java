package org.wavelength.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {

    @Test
    void aPlaceAddsItsWeightOverKPlusItsRank() {
        assertThat(ReciprocalRankFusion.share(1)).isCloseTo(1.0 / 61, within(1e-12));
        assertThat(ReciprocalRankFusion.share(10, 0.8)).isCloseTo(0.8 / 70, within(1e-12));
    }

    @Test
    void beingHighInTwoRankingsBeatsBeingFirstInOne() {
        double firstInOne = ReciprocalRankFusion.share(1);
        double thirdInBoth = 2 * ReciprocalRankFusion.share(3);
        assertThat(thirdInBoth).isGreaterThan(firstInOne);
    }

    @Test
    void ranksCountFromOne() {
        assertThatThrownBy(() -> ReciprocalRankFusion.share(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
