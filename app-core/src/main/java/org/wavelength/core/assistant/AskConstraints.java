package org.wavelength.core.assistant;

import java.time.Instant;
import java.util.Set;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.port.VectorFilter;

/**
 * What a listener's request asks for, as read from one message ("a short episode on the history of
 * computing", "something like Off Menu but about science, in Chinese"). A null field was not asked
 * for.
 *
 * @param topic               what the request is about: its words once the conditions below are taken out
 * @param language            a segment code ({@link Segments#of}), e.g. "zh"
 * @param minDurationSeconds  inclusive; only episodes have a duration
 * @param maxDurationSeconds  inclusive
 * @param publishedAfter      only episodes published since then
 * @param explicitAllowed     false: nothing explicit; true: explicit is fine (said so, which overrides an
 *                            earlier false in a conversation); null: not said
 * @param likeTitle           the title of a podcast the results should be like, as the listener wrote it
 * @param previousItem        an item of the previous answer the results should be like: 1 for the first,
 *                            2 for the second..., {@link #LAST_ITEM} for the last
 * @param lengthChange        "shorter" or "longer" than the previous answer
 * @param forMe               the listener asks for recommendations of their own
 * @param wants               what the request names as the thing to find ("German podcasts", "an episode
 *                            on…"): podcasts or episodes; null when it names neither (or only in a refinement
 *                            such as "only episodes from this week")
 */
public record AskConstraints(
        String topic,
        String language,
        Integer minDurationSeconds,
        Integer maxDurationSeconds,
        Instant publishedAfter,
        Boolean explicitAllowed,
        String likeTitle,
        Integer previousItem,
        LengthChange lengthChange,
        boolean forMe,
        ItemKind wants) {

    /** {@link #previousItem} of "the last one". */
    public static final int LAST_ITEM = -1;

    public static final AskConstraints NONE = new AskConstraints(null, null, null, null, null, null, null, null, null,
            false, null);

    /** Relative to the episodes of the previous answer. */
    public enum LengthChange { SHORTER, LONGER }

    /**
     * The conditions a request can set on what it finds, each of which can be the one that finds nothing;
     * {@code KIND} is what it names to find ({@link #wants}).
     */
    public enum Condition { LANGUAGE, DURATION, RECENCY, EXPLICIT, KIND }

    public AskConstraints {
        topic = blankToNull(topic);
        language = blankToNull(language) == null ? null : Segments.of(language);
        likeTitle = blankToNull(likeTitle);
        if ((minDurationSeconds != null && minDurationSeconds < 0) || (maxDurationSeconds != null && maxDurationSeconds < 0)) {
            throw new IllegalArgumentException("A duration is not negative: " + minDurationSeconds + ", " + maxDurationSeconds);
        }
        if (wants != null && wants != ItemKind.PODCAST && wants != ItemKind.EPISODE) {
            throw new IllegalArgumentException("A request asks for podcasts or episodes, not " + wants);
        }
        if (previousItem != null && (previousItem == 0 || previousItem < LAST_ITEM)) {
            throw new IllegalArgumentException("Items are counted from 1 (or " + LAST_ITEM + " for the last), not "
                    + previousItem);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The filter that makes a search or a recommendation respect these conditions. */
    public VectorFilter toFilter() {
        VectorFilter filter = VectorFilter.ALL.withLanguage(language)
                .withDuration(minDurationSeconds, maxDurationSeconds)
                .withPublishedAfter(publishedAfter);
        return Boolean.FALSE.equals(explicitAllowed) ? filter.withExplicit(false) : filter;
    }

    /**
     * Whether an item meets every condition; {@code episode} is null for a podcast, which has no
     * duration or date and so never meets a condition on them.
     */
    public boolean admits(Podcast podcast, Episode episode) {
        if (language != null && !language.equals(Segments.of(podcast.language()))) {
            return false;
        }
        if (Boolean.FALSE.equals(explicitAllowed) && podcast.explicit()) {
            return false;
        }
        if (!asksForEpisodes()) {
            return true;
        }
        if (episode == null) {
            return false;
        }
        // A feed's duration of 0 means it did not say: such an episode cannot be shown to fit a length.
        Integer duration = episode.durationSeconds() == null || episode.durationSeconds() <= 0 ? null : episode.durationSeconds();
        return (minDurationSeconds == null || duration != null && duration >= minDurationSeconds)
                && (maxDurationSeconds == null || duration != null && duration <= maxDurationSeconds)
                && (publishedAfter == null || episode.publishedAt() != null && !episode.publishedAt().isBefore(publishedAfter));
    }

    /** A duration or a date is asked for: only episodes have them. */
    public boolean asksForEpisodes() {
        return minDurationSeconds != null || maxDurationSeconds != null || publishedAfter != null;
    }

    /** What to look for is said: a topic, a podcast or an item to be like, or "for me". */
    public boolean hasSubject() {
        return topic != null || likeTitle != null || previousItem != null || forMe;
    }

    /** Some condition on the results is set (an explicit "explicit is fine" counts: it lifts a "clean"). */
    public boolean hasConditions() {
        return language != null || asksForEpisodes() || explicitAllowed != null || lengthChange != null;
    }

    public boolean isEmpty() {
        return !hasSubject() && !hasConditions();
    }

    /** Whether a condition restricts the results (explicit only when it is "nothing explicit"). */
    public boolean restricts(Condition condition) {
        return switch (condition) {
            case LANGUAGE -> language != null;
            case DURATION -> minDurationSeconds != null || maxDurationSeconds != null;
            case RECENCY -> publishedAfter != null;
            case EXPLICIT -> Boolean.FALSE.equals(explicitAllowed);
            case KIND -> wants != null;
        };
    }

    /** These constraints without one condition: to tell which condition left nothing. */
    public AskConstraints without(Condition condition) {
        return switch (condition) {
            case LANGUAGE -> withLanguage(null);
            case DURATION -> withDuration(null, null);
            case RECENCY -> new AskConstraints(topic, language, minDurationSeconds, maxDurationSeconds, null,
                    explicitAllowed, likeTitle, previousItem, lengthChange, forMe, wants);
            case EXPLICIT -> new AskConstraints(topic, language, minDurationSeconds, maxDurationSeconds, publishedAfter,
                    null, likeTitle, previousItem, lengthChange, forMe, wants);
            case KIND -> withWants(null);
        };
    }

    /**
     * Only conditions, a length change or a pointer at an item of the previous answer ("shorter", "in
     * Chinese instead", "only recent ones", "more like the second one"): a message that refines the
     * previous request. One that names a topic, a podcast, "for me" or what to find ("German podcasts") is
     * a new request.
     */
    public boolean isFollowUp() {
        return topic == null && likeTitle == null && !forMe && wants == null && (previousItem != null || hasConditions());
    }

    /** The kinds a search for this request looks at: a length or date is only an episode's; else what was named. */
    public Set<ItemKind> kindsToSearch() {
        if (asksForEpisodes() || wants == ItemKind.EPISODE) {
            return Set.of(ItemKind.EPISODE, ItemKind.PASSAGE);
        }
        return wants == ItemKind.PODCAST ? Set.of(ItemKind.PODCAST) : Set.of(ItemKind.PODCAST, ItemKind.EPISODE, ItemKind.PASSAGE);
    }

    /**
     * This request refined by a {@linkplain #isFollowUp follow-up}: the conditions it states replace
     * these, the others stay; what to look for stays unless it points at an item. Its
     * {@link #lengthChange} is not applied here: it depends on the previous answer's episodes.
     */
    public AskConstraints refinedBy(AskConstraints followUp) {
        boolean pointsAtItem = followUp.previousItem != null;
        return new AskConstraints(
                pointsAtItem ? null : topic,
                followUp.language != null ? followUp.language : language,
                followUp.restricts(Condition.DURATION) ? followUp.minDurationSeconds : minDurationSeconds,
                followUp.restricts(Condition.DURATION) ? followUp.maxDurationSeconds : maxDurationSeconds,
                followUp.publishedAfter != null ? followUp.publishedAfter : publishedAfter,
                followUp.explicitAllowed != null ? followUp.explicitAllowed : explicitAllowed,
                pointsAtItem ? null : likeTitle,
                pointsAtItem ? followUp.previousItem : previousItem,
                null,
                !pointsAtItem && forMe,
                wants);
    }

    public AskConstraints withWants(ItemKind value) {
        return new AskConstraints(topic, language, minDurationSeconds, maxDurationSeconds, publishedAfter, explicitAllowed,
                likeTitle, previousItem, lengthChange, forMe, value);
    }

    public AskConstraints withLanguage(String value) {
        return new AskConstraints(topic, value, minDurationSeconds, maxDurationSeconds, publishedAfter, explicitAllowed,
                likeTitle, previousItem, lengthChange, forMe, wants);
    }

    public AskConstraints withDuration(Integer min, Integer max) {
        return new AskConstraints(topic, language, min, max, publishedAfter, explicitAllowed, likeTitle, previousItem,
                lengthChange, forMe, wants);
    }
}
