package org.wavelength.core.assistant;

import java.util.ArrayList;
import java.util.List;
import org.wavelength.core.assistant.AskConstraints.Condition;

/** What one run looks for; {@code userId} only when the listener asked for their own recommendations. */
record AskedRequest(AskConstraints constraints, CitedItem reference, Long userId) {

    String topic() {
        String topic = constraints.topic();
        // A title not in the catalogue: its words are what is left to look for.
        return topic == null && reference == null ? constraints.likeTitle() : topic;
    }

    AskedRequest without(List<Condition> conditions) {
        AskConstraints fewer = constraints;
        for (Condition condition : conditions) {
            fewer = fewer.without(condition);
        }
        return new AskedRequest(fewer, reference, userId);
    }

    /** How the summary names what was looked for: "on “science”, like Off Menu, for you". */
    String subject() {
        List<String> parts = new ArrayList<>();
        if (topic() != null) {
            parts.add("on “" + topic() + "”");
        }
        if (reference != null) {
            parts.add("like " + (reference.episode() != null ? "“" + reference.episode().title() + "”"
                    : reference.podcast().title()));
        }
        if (userId != null) {
            parts.add("for you");
        }
        return parts.isEmpty() ? "among the newest" : String.join(", ", parts);
    }
}
