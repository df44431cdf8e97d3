package org.wavelength.ingest.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpeakerLabelTest {

    @Test
    void findsNamesThatLookLikeNames() {
        assertThat(SpeakerLabel.split("Sarah: In today's episode,")).isEqualTo(new SpeakerLabel.Split("Sarah", "In today's episode,"));
        assertThat(SpeakerLabel.split("Adam Curry: podcasting 2.0")).isEqualTo(new SpeakerLabel.Split("Adam Curry", "podcasting 2.0"));
        assertThat(SpeakerLabel.split("SPEAKER_1: Hello")).isEqualTo(new SpeakerLabel.Split("SPEAKER_1", "Hello"));
        assertThat(SpeakerLabel.split("Speaker 2: Hi")).isEqualTo(new SpeakerLabel.Split("Speaker 2", "Hi"));
        assertThat(SpeakerLabel.split("Norma-Jean Belenky: Yes")).isEqualTo(new SpeakerLabel.Split("Norma-Jean Belenky", "Yes"));
        assertThat(SpeakerLabel.split("Ludwig van Beethoven: Da da da")).isEqualTo(
                new SpeakerLabel.Split("Ludwig van Beethoven", "Da da da"));
        assertThat(SpeakerLabel.split("Dr. Émilie O'Neil : Bonjour")).isEqualTo(new SpeakerLabel.Split("Dr. Émilie O'Neil", "Bonjour"));
        assertThat(SpeakerLabel.split("Gillian:")).isEqualTo(new SpeakerLabel.Split("Gillian", ""));
    }

    @Test
    void ignoresColonsInSpeech() {
        assertThat(SpeakerLabel.split("So the question is: why?")).isNull();
        assertThat(SpeakerLabel.split("and then: nothing")).isNull();
        assertThat(SpeakerLabel.split("It's 10:30 now")).isNull();
        assertThat(SpeakerLabel.split("Visit https://example.com today")).isNull();
        assertThat(SpeakerLabel.split("Well, Kevin: you said")).isNull();
        assertThat(SpeakerLabel.split("A Very Long Name With Too Many Words: hi")).isNull();
        assertThat(SpeakerLabel.split("12: numbers only")).isNull();
        assertThat(SpeakerLabel.split("Ratio:3")).isNull();
    }
}
