package org.wavelength.web.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.wavelength.core.assistant.CitedItem;

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
    public record Item(PodcastView podcast, EpisodeView episode, PassageView passage, String reason, String link) {

        public static Item of(CitedItem item) {
            return new Item(PodcastView.of(item.podcast()), item.episode() == null ? null : EpisodeView.of(item.episode()),
                    item.passage() == null ? null : PassageView.of(item.passage()), item.reason(), Links.of(item));
        }
    }
}
