package org.wavelength.core.domain;

import java.util.List;

/** Everything an episode page shows: show notes as the publisher wrote them, transcript, chapters, credits. */
public record EpisodeDetails(
        Episode episode,
        String descriptionHtml,
        List<FeedContent.Enclosure> enclosures,
        List<FeedContent.Person> persons,
        List<TranscriptSegment> transcript,
        List<Chapter> chapters) {

    public EpisodeDetails {
        enclosures = List.copyOf(enclosures);
        persons = List.copyOf(persons);
        transcript = transcript == null ? null : List.copyOf(transcript);
        chapters = List.copyOf(chapters);
    }
}
