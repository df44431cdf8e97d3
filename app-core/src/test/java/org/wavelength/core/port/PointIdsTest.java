package org.wavelength.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.ItemKind;

class PointIdsTest {

    @Test
    void theSameItemAlwaysGetsTheSameUuid() {
        assertThat(PointIds.of(ItemKind.EPISODE, 42)).isEqualTo(PointIds.of(ItemKind.EPISODE, 42));
        assertThat(UUID.fromString(PointIds.of(ItemKind.EPISODE, 42)).version()).isEqualTo(3);
    }

    @Test
    void kindAndIdBothDistinguishPoints() {
        assertThat(PointIds.of(ItemKind.EPISODE, 42)).isNotEqualTo(PointIds.of(ItemKind.PODCAST, 42))
                .isNotEqualTo(PointIds.of(ItemKind.EPISODE, 43));
    }
}
