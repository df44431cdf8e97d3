package org.wavelength.core.index;

import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Passage;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.port.IndexDocument;
import org.wavelength.core.port.PointPayload;

/** How catalogue items become index documents: the same for real-time writes and for rebuilds. */
public final class IndexDocuments {

    private IndexDocuments() {
    }

    public static IndexDocument of(Podcast podcast) {
        return new IndexDocument(new PointPayload(ItemKind.PODCAST, podcast.id(), podcast.id(), null, podcast.language(),
                podcast.categories(), podcast.explicit(), null, null, null, null), ItemTexts.of(podcast));
    }

    public static IndexDocument of(Podcast podcast, Episode episode) {
        return new IndexDocument(new PointPayload(ItemKind.EPISODE, episode.id(), podcast.id(), episode.id(), podcast.language(),
                podcast.categories(), podcast.explicit(), episode.durationSeconds(), episode.publishedAt(), null, null),
                ItemTexts.of(podcast, episode));
    }

    public static IndexDocument of(Podcast podcast, Episode episode, Passage passage) {
        return new IndexDocument(new PointPayload(ItemKind.PASSAGE, passage.id(), podcast.id(), episode.id(), podcast.language(),
                podcast.categories(), podcast.explicit(), episode.durationSeconds(), episode.publishedAt(),
                passage.start(), passage.end()), passage.text());
    }
}
