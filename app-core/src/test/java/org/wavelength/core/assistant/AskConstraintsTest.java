package org.wavelength.core.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.assistant.AskConstraints.Condition;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.Podcast;

class AskConstraintsTest {

    static final Instant JUNE = Instant.parse("2026-06-01T00:00:00Z");

    Podcast english = new Podcast(1, 1, "u", "Show", "a", "d", "en-GB", List.of(), null, null, false, 1);
    Podcast explicitChinese = new Podcast(2, 2, "u", "节目", "a", "d", "zh", List.of(), null, null, true, 1);

    static Episode episode(long podcastId, Integer minutes, Instant published) {
        return new Episode(9, podcastId, "g", "t", "d", null, published, minutes == null ? null : minutes * 60, null, null,
                null, null, null, null);
    }

    static AskConstraints ask(String topic, String language, Integer min, Integer max, Instant after, Boolean explicit) {
        return new AskConstraints(topic, language, min, max, after, explicit, null, null, null, false, null);
    }

    @Test
    void everyConditionIsCheckedAndPodcastsMeetNoneOnEpisodes() {
        assertThat(ask(null, "en", null, null, null, null).admits(english, null)).isTrue();
        assertThat(ask(null, "zh", null, null, null, null).admits(english, null)).isFalse();
        assertThat(ask(null, null, null, null, null, false).admits(explicitChinese, null)).isFalse();
        assertThat(ask(null, null, null, null, null, true).admits(explicitChinese, null)).isTrue();

        AskConstraints underHalfAnHour = ask(null, null, null, 1800, null, null);
        assertThat(underHalfAnHour.admits(english, episode(1, 30, null))).isTrue();
        assertThat(underHalfAnHour.admits(english, episode(1, 31, null))).isFalse();
        assertThat(underHalfAnHour.admits(english, episode(1, null, null))).as("unknown length").isFalse();
        assertThat(underHalfAnHour.admits(english, episode(1, 0, null))).as("a feed's 0: unknown length").isFalse();
        assertThat(underHalfAnHour.admits(english, null)).as("a podcast has no length").isFalse();
        assertThat(ask(null, null, 1800, null, null, null).admits(english, episode(1, 29, null))).isFalse();

        AskConstraints sinceJune = ask(null, null, null, null, JUNE, null);
        assertThat(sinceJune.admits(english, episode(1, 10, JUNE))).isTrue();
        assertThat(sinceJune.admits(english, episode(1, 10, JUNE.minusSeconds(1)))).isFalse();
        assertThat(sinceJune.admits(english, episode(1, 10, null))).isFalse();
    }

    @Test
    void aFollowUpReplacesTheConditionsItStatesAndKeepsTheRest() {
        AskConstraints first = new AskConstraints("science", "zh", null, 1800, JUNE, false, "Off Menu", null, null, false, null);

        AskConstraints inEnglish = first.refinedBy(ask(null, "en", null, null, null, null));
        assertThat(inEnglish).isEqualTo(new AskConstraints("science", "en", null, 1800, JUNE, false, "Off Menu", null, null,
                false, null));

        AskConstraints longer = first.refinedBy(ask(null, null, 3600, null, null, true));
        assertThat(longer.minDurationSeconds()).isEqualTo(3600);
        assertThat(longer.maxDurationSeconds()).as("a new duration replaces both bounds").isNull();
        assertThat(longer.explicitAllowed()).isTrue();

        AskConstraints second = first.refinedBy(new AskConstraints(null, null, null, null, null, null, null, 2, null, false, null));
        assertThat(second.previousItem()).isEqualTo(2);
        assertThat(second.topic()).as("the item is what to look for now").isNull();
        assertThat(second.likeTitle()).isNull();
        assertThat(second.toFilter()).isEqualTo(first.toFilter());
    }

    @Test
    void whatIsAFollowUp() {
        assertThat(ask(null, "en", null, null, null, null).isFollowUp()).isTrue();
        assertThat(new AskConstraints(null, null, null, null, null, null, null, 1, null, false, null).isFollowUp()).isTrue();
        assertThat(ask("science", "en", null, null, null, null).isFollowUp()).isFalse();
        assertThat(AskConstraints.NONE.isFollowUp()).isFalse();
    }

    @Test
    void aConditionCanBeTakenAway() {
        AskConstraints all = ask("x", "zh", 60, 1800, JUNE, false).withWants(ItemKind.EPISODE);
        for (Condition condition : Condition.values()) {
            assertThat(all.restricts(condition)).isTrue();
            AskConstraints without = all.without(condition);
            assertThat(without.restricts(condition)).as(condition.name()).isFalse();
            assertThat(java.util.Arrays.stream(Condition.values()).filter(c -> c != condition)).allMatch(without::restricts);
        }
    }

    @Test
    void valuesAreChecked() {
        assertThat(ask(" ", " ", null, null, null, null)).isEqualTo(AskConstraints.NONE);
        assertThat(ask(null, "zh-Hans", null, null, null, null).language()).isEqualTo("zh");
        assertThatThrownBy(() -> ask(null, null, -1, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AskConstraints(null, null, null, null, null, null, null, 0, null, false, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
