package org.wavelength.core.assistant;

import java.util.List;
import org.wavelength.core.assistant.AskConstraints.LengthChange;
import org.wavelength.core.domain.Episode;

/** "Shorter" and "longer", made lengths from what the previous answer cited. */
final class LengthChanges {

    private LengthChanges() {
    }

/**
 * A "shorter" or "longer" made a duration: at most three quarters (at least four thirds) of the
 * median length of the previous answer's episodes, else of the previous request's bound, else
 * "short" or "long". In whole minutes.
 */
static AskConstraints applied(AskConstraints asked, AskConstraints previousRequest, List<CitedItem> previousItems) {
    LengthChange change = asked.lengthChange();
    if (change == null) {
        return asked;
    }
    List<Integer> lengths = previousItems.stream().map(CitedItem::episode)
            .filter(e -> e != null && e.durationSeconds() != null).map(Episode::durationSeconds).sorted().toList();
    Integer median = lengths.isEmpty() ? null : lengths.get(lengths.size() / 2);
    if (change == LengthChange.SHORTER) {
        Integer basis = median != null ? median : previousRequest.maxDurationSeconds();
        int max = basis == null ? RequestParser.SHORT_MINUTES * 60 : Math.max(60, basis * 3 / 4 / 60 * 60);
        return asked.withDuration(asked.minDurationSeconds(), max);
    }
    Integer basis = median != null ? median : previousRequest.minDurationSeconds();
    int min = basis == null ? RequestParser.LONG_MINUTES * 60 : (basis * 4 / 3 + 59) / 60 * 60;
    return asked.withDuration(min, asked.maxDurationSeconds());
}
}
