package org.wavelength.web.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;
import org.wavelength.core.search.CatalogueSearch.Hit;

/** Search results, best first. */
public record SearchResults(List<Item> items) {

    public static SearchResults of(List<Hit> hits) {
        return new SearchResults(hits.stream().map(Item::of).toList());
    }

    /**
     * {@code episode} is absent for podcasts; {@code passage} and {@code link} are there for passages only.
     * {@code matchedTerms}: why it matched, the query's words its text holds (lower case; a misspelt word as
     * the text spells it; pairs of characters in Chinese, Japanese and Korean), empty for a match on meaning alone.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String type, PodcastView podcast, EpisodeView episode, PassageView passage, String link,
            double score, List<String> matchedTerms) {

        static Item of(Hit hit) {
            var passage = hit.passage();
            return new Item(hit.kind().name().toLowerCase(Locale.ROOT), PodcastView.of(hit.podcast()),
                    hit.episode() == null ? null : EpisodeView.of(hit.episode()),
                    passage == null ? null : PassageView.of(passage),
                    passage == null ? null : Links.episodeAt(hit.episode().id(), passage.start()), hit.score(), hit.matchedTerms());
        }
    }
}
