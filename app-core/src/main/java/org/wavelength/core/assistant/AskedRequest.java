package org.wavelength.core.assistant;

import java.util.ArrayList;
import java.util.List;
import org.wavelength.core.assistant.AskConstraints.Condition;
import org.wavelength.core.domain.ItemKind;

/**
 * What one run looks for; {@code userId} only when the listener asked for their own recommendations;
 * {@code category} when the topic is the name of one of the catalogue's categories ("comedy").
 */
record AskedRequest(AskConstraints constraints, CitedItem reference, Long userId, String category) {

    String topic() {
        String topic = constraints.topic();
        // A title not in the catalogue: its words are what is left to look for.
        return topic == null && reference == null ? constraints.likeTitle() : topic;
    }

    /**
     * Without these conditions. A length or date left out still says episodes were wanted, unless the
     * kind is left out too.
     */
    AskedRequest without(List<Condition> conditions) {
        AskConstraints fewer = constraints;
        if (!conditions.contains(Condition.KIND) && constraints.wants() == null && constraints.asksForEpisodes()) {
            fewer = fewer.withWants(ItemKind.EPISODE);
        }
        for (Condition condition : conditions) {
            fewer = fewer.without(condition);
        }
        return new AskedRequest(fewer, reference, userId, category);
    }

    /** How the summary names what was looked for: "on “science”, like Off Menu, for you". */
    String subject() {
        List<String> parts = new ArrayList<>();
        if (category != null) {
            parts.add("in the category “" + category + "”");
        } else if (topic() != null) {
            parts.add("on “" + topic() + "”");
        }
        if (reference != null) {
            parts.add("like " + (reference.episode() != null ? "“" + reference.episode().title() + "”"
                    : reference.podcast().title()));
        }
        if (userId != null) {
            parts.add("for you");
        }
        if (parts.isEmpty()) {
            return listsEpisodes() ? "among the newest" : "";
        }
        return String.join(", ", parts);
    }

    /** A language is what the request asks for, with nothing to look for in it ("German podcasts"). */
    boolean onlyLanguage() {
        return constraints.language() != null && topic() == null && reference == null && category == null
                && userId == null;
    }

    /** A length or a date is asked for, or episodes are: episodes are what is found. */
    boolean listsEpisodes() {
        return constraints.asksForEpisodes() || constraints.wants() == ItemKind.EPISODE;
    }
}
