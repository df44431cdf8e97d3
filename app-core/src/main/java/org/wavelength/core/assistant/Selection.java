package org.wavelength.core.assistant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which of the ranked items an answer cites: the same rules on every path. */
final class Selection {

    private Selection() {
    }

/**
 * The items that meet every condition and are not the reference, once each (a passage stands
 * for its episode), at most {@value RetrievalAssistant#MAX_PER_PODCAST} per podcast and {@value RetrievalAssistant#MAX_ITEMS} in all,
 * each reason followed by the facts that meet the conditions.
 */
static List<CitedItem> select(List<CitedItem> ranked, AskedRequest request) {
    AskConstraints c = request.constraints();
    CitedItem reference = request.reference();
    Set<String> seen = new HashSet<>();
    Map<Long, Integer> perPodcast = new LinkedHashMap<>();
    List<CitedItem> chosen = new ArrayList<>();
    for (CitedItem item : ranked) {
        if (chosen.size() == RetrievalAssistant.MAX_ITEMS) {
            break;
        }
        if (!c.admits(item.podcast(), item.episode()) || isReference(item, reference)) {
            continue;
        }
        String key = item.episode() != null ? "e" + item.episode().id() : "p" + item.podcast().id();
        if (perPodcast.getOrDefault(item.podcast().id(), 0) >= RetrievalAssistant.MAX_PER_PODCAST || !seen.add(key)) {
            continue;
        }
        perPodcast.merge(item.podcast().id(), 1, Integer::sum);
        chosen.add(item.withReason(item.reason() + AnswerTexts.facts(item, c)));
    }
    return chosen;
}

static boolean isReference(CitedItem item, CitedItem reference) {
    if (reference == null) {
        return false;
    }
    return reference.episode() == null ? item.podcast().id() == reference.podcast().id()
            : item.episode() != null && item.episode().id() == reference.episode().id();
}
}
