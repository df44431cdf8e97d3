package org.wavelength.core.assistant;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.wavelength.core.assistant.AskConstraints.Condition;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.LanguageCount;
import org.wavelength.core.domain.Passage;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.index.ItemTexts;
import org.wavelength.core.search.CatalogueSearch;

/**
 * The words of a retrieval-mode answer: a short summary that says plainly that no language model is
 * configured, and the checkable reason of each item. Templates, in English.
 */
final class AnswerTexts {

    static final String NO_MODEL = "No language model is configured";
    static final int SNIPPET_CHARS = 100;

    private AnswerTexts() {
    }

    /**
     * "No language model is configured, so here are the closest matches from the catalogue: 5 episodes on “x”,
     * in Chinese." Fewer than a full answer says so ("the only 3 good matches"): only what clears the
     * relevance floor is cited, and the listener should know the list is short on purpose.
     */
    static String found(List<CitedItem> items, String subject, AskConstraints constraints, Instant now, List<String> notes) {
        String which = items.size() >= RetrievalAssistant.MAX_ITEMS ? "here are the closest matches"
                : items.size() == 1 ? "here is the only good match" : "here are the only " + items.size() + " good matches";
        return sentences(NO_MODEL + ", so " + which + " from the catalogue: " + counts(items)
                + (subject.isEmpty() ? "" : " " + subject) + conditions(constraints, now) + ".", notes);
    }

    /** Nothing met these conditions, so the answer leaves them out, and says so first. */
    static String without(List<Condition> leftOut, AskConstraints asked, Instant now) {
        List<String> named = leftOut.stream().filter(c -> c != Condition.KIND)
                .map(c -> c == Condition.EXPLICIT ? "free of explicit content" : condition(c, asked, now)).toList();
        String all = named.isEmpty() ? "" : named.size() == 1 ? named.get(0)
                : String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
        if (leftOut.contains(Condition.KIND)) {
            String kind = asked.wants() == ItemKind.PODCAST ? "podcast" : "episode";
            return "I found no " + kind + " that matches" + (all.isEmpty() ? "" : " and is " + all)
                    + ", so these are the closest of any kind" + (named.isEmpty() ? "."
                    : ", without " + (named.size() == 1 ? "that condition." : "those conditions."));
        }
        return "Nothing that matches is " + all + ", so these leave " + (named.size() == 1 ? "that condition" : "those conditions")
                + " out.";
    }

    /** Nothing found, even with the conditions left out that can be (never "nothing explicit"). */
    static String nothing(String subject, AskConstraints constraints, Instant now, List<String> notes) {
        String text = NO_MODEL + ", and the catalogue has nothing" + (subject.isEmpty() ? "" : " " + subject)
                + conditions(constraints, now) + "."
                + (constraints.hasConditions() ? " Try other words, or fewer conditions." : " Try other words.");
        return sentences(text, notes);
    }

    /** "The catalogue has podcasts in English (12), German (1) and Portuguese (1)." */
    static String languagesHeld(List<LanguageCount> languages) {
        if (languages.isEmpty()) {
            return "The catalogue has no podcasts yet.";
        }
        List<String> named = languages.stream().map(l -> language(l.code()) + " (" + l.podcasts() + ")").toList();
        return "The catalogue has podcasts in " + (named.size() == 1 ? named.get(0)
                : String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1)) + ".";
    }

    static String help(List<String> notes) {
        List<String> all = new ArrayList<>(notes);
        all.add("Ask for a subject, a podcast to match or conditions, for example “a short episode on the history of "
                + "computing”, “something like Off Menu but about science, in Chinese” or “no explicit stuff, under 30 "
                + "minutes, recent”.");
        return sentences(NO_MODEL + ", so I can only search the catalogue.", all);
    }

    private static String sentences(String first, List<String> more) {
        StringJoiner text = new StringJoiner(" ");
        text.add(first);
        more.forEach(text::add);
        return text.toString();
    }

    /** "1 podcast, 3 episodes and 1 passage". */
    static String counts(List<CitedItem> items) {
        Map<ItemKind, Integer> byKind = new EnumMap<>(ItemKind.class);
        items.forEach(i -> byKind.merge(i.kind(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        byKind.forEach((kind, n) -> parts.add(n + " " + kind.name().toLowerCase(Locale.ROOT) + (n == 1 ? "" : "s")));
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    /** ", in Chinese, under 30 minutes, published in the last 30 days, nothing explicit": each condition that restricts. */
    static String conditions(AskConstraints constraints, Instant now) {
        StringBuilder text = new StringBuilder();
        for (Condition c : Condition.values()) {
            if (c != Condition.KIND && constraints.restricts(c)) {
                text.append(", ").append(condition(c, constraints, now));
            }
        }
        return text.toString();
    }

    static String condition(Condition condition, AskConstraints c, Instant now) {
        return switch (condition) {
            case LANGUAGE -> "in " + language(c.language());
            case DURATION -> c.minDurationSeconds() == null ? "under " + duration(c.maxDurationSeconds())
                    : c.maxDurationSeconds() == null ? "at least " + duration(c.minDurationSeconds())
                    : "between " + duration(c.minDurationSeconds()) + " and " + duration(c.maxDurationSeconds());
            case RECENCY -> published(c.publishedAfter(), now);
            case EXPLICIT -> "nothing explicit";
            case KIND -> c.wants() == ItemKind.PODCAST ? "a podcast" : "an episode";
        };
    }

    private static String published(Instant after, Instant now) {
        ZonedDateTime date = after.atZone(ZoneOffset.UTC);
        if (date.getDayOfYear() == 1 && date.toLocalTime().toSecondOfDay() == 0) {
            return "published since " + date.getYear();
        }
        long days = Math.max(1, Duration.between(after, now).toDays());
        return days == 1 ? "published in the last day" : "published in the last " + days + " days";
    }

    /** The English name of a segment's language: "Chinese". */
    static String language(String segment) {
        String name = new Locale(segment).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() || name.equals(segment) ? segment : name;
    }

    /** "30 minutes", "1 hour", "1 hour 30 minutes", "45 seconds". */
    static String duration(int seconds) {
        if (seconds < 60) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        int minutes = (seconds + 30) / 60;
        int hours = minutes / 60;
        minutes %= 60;
        String h = hours == 0 ? "" : hours + (hours == 1 ? " hour" : " hours");
        String m = minutes == 0 ? "" : minutes + (minutes == 1 ? " minute" : " minutes");
        return (h + " " + m).strip();
    }

    /** A time in an episode as a player shows it: "12:34", "1:02:03". */
    static String timestamp(double seconds) {
        long s = Math.max(0, (long) Math.floor(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    // ---------------------------------------------------------------- reasons

    /**
     * What an item found by a topic has to do with it: "Matches “x”" when its text holds every word
     * of the topic, else "Close in subject to “x”" (found by meaning); a passage says where it is and
     * what it says.
     */
    static String topicReason(String topic, Podcast podcast, Episode episode, Passage passage) {
        String text = passage != null ? passage.text() : episode != null ? ItemTexts.of(podcast, episode) : ItemTexts.of(podcast);
        String match = (holdsEveryWord(text, topic) ? "matches “" : "close in subject to “") + topic + "”";
        if (passage == null) {
            return Character.toUpperCase(match.charAt(0)) + match.substring(1);
        }
        return "At " + timestamp(passage.start()) + ", " + match + ": “" + snippet(passage.text()) + "”";
    }

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    static boolean holdsEveryWord(String text, String topic) {
        String words = " " + CatalogueSearch.words(text) + " ";
        for (String word : CatalogueSearch.words(topic).split(" ")) {
            // Chinese is not written in separate words: there a word is looked for as characters.
            boolean held = HAN.matcher(word).find() ? words.contains(word) : words.contains(" " + word + " ");
            if (!word.isEmpty() && !held) {
                return false;
            }
        }
        return true;
    }

    static String snippet(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= SNIPPET_CHARS) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', SNIPPET_CHARS);
        return flat.substring(0, cut > SNIPPET_CHARS / 2 ? cut : SNIPPET_CHARS) + "…";
    }

    /**
     * The item's side of each condition asked for, so that the reason shows it is met: "in Chinese,
     * 25 minutes, published 2026-11-20, not explicit"; empty when none is asked for.
     */
    static String facts(CitedItem item, AskConstraints c) {
        StringJoiner facts = new StringJoiner(", ", "; ", "").setEmptyValue("");
        if (c.restricts(Condition.LANGUAGE)) {
            facts.add("in " + language(c.language()));
        }
        Episode episode = item.episode();
        if (c.restricts(Condition.DURATION) && episode != null && episode.durationSeconds() != null) {
            facts.add(duration(episode.durationSeconds()));
        }
        if (c.restricts(Condition.RECENCY) && episode != null && episode.publishedAt() != null) {
            facts.add("published " + episode.publishedAt().atZone(ZoneOffset.UTC).toLocalDate());
        }
        if (c.restricts(Condition.EXPLICIT)) {
            facts.add("not explicit");
        }
        return facts.toString();
    }
}
