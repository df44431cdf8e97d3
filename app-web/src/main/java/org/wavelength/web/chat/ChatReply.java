package org.wavelength.web.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.wavelength.core.assistant.CitedItem;
import org.wavelength.web.page.ListeningExtensions;
import org.wavelength.web.rest.PodcastResource.EpisodeSummary;
import org.wavelength.web.rest.PodcastView;
import org.wavelength.web.rest.SearchResource.Results.PassageView;

/**
 * One answer of the chat, as the API returns it. {@code mode} says what answered: "llm" (the language model)
 * or "retrieval" (search, when no model is configured or it failed); {@code answer} is Markdown whose links
 * all lead to items of the catalogue.
 */
public record ChatReply(String conversationId, String mode, String answer, List<Item> items) {

    public static final String LLM = "llm";
    public static final String RETRIEVAL = "retrieval";

    /** {@code episode} is absent for a podcast, {@code passage} for anything but a passage. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(PodcastView podcast, EpisodeSummary episode, PassageView passage, String reason, String link) {

        static Item of(CitedItem item) {
            var p = item.passage();
            return new Item(PodcastView.of(item.podcast()), item.episode() == null ? null : EpisodeSummary.of(item.episode()),
                    p == null ? null : new PassageView(p.text(), p.start(), p.end(), p.speaker()), item.reason(), ChatReply.link(item));
        }
    }

    /** The page an item opens: a passage opens its episode at its start, in whole seconds rounded down. */
    public static String link(CitedItem item) {
        if (item.passage() != null) {
            return "/episodes/" + item.episode().id() + "?t=" + ListeningExtensions.wholeSeconds(item.passage().start());
        }
        return item.episode() != null ? "/episodes/" + item.episode().id() : "/podcasts/" + item.podcast().id();
    }
}
