package org.wavelength.core.assistant;

import static org.wavelength.core.assistant.Phrases.FLAGS;
import static org.wavelength.core.assistant.Phrases.alternation;
import static org.wavelength.core.assistant.RequestParser.ABOUT_PERCENT;
import static org.wavelength.core.assistant.RequestParser.MAX_TITLE_CHARS;
import static org.wavelength.core.assistant.RequestParser.MAX_TOPIC_CHARS;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.wavelength.core.assistant.AskConstraints.LengthChange;
import org.wavelength.core.domain.ItemKind;

/**
 * A message as {@link RequestParser} takes it apart, and what was found so far: each rule records its
 * condition here, and what is left, less filler, is the topic. Within one message the strictest condition wins.
 */
final class RequestDraft {
    String text;
    final Instant now;
    final Clock clock;
    String language;
    Integer min;
    Integer max;
    Instant since;
    Boolean explicit;
    String likeTitle;
    Integer item;
    LengthChange lengthChange;
    boolean forMe;

    final String original;

    RequestDraft(String text, Clock clock) {
        this.text = text;
        this.original = text;
        this.clock = clock;
        this.now = clock.instant();
    }

    boolean atMost(Integer seconds) {
        if (seconds == null) {
            return false;
        }
        max = max == null ? seconds : Math.min(max, seconds);
        return true;
    }

    boolean atLeast(Integer seconds) {
        if (seconds == null) {
            return false;
        }
        min = min == null ? seconds : Math.max(min, seconds);
        return true;
    }

    boolean about(Integer seconds) {
        if (seconds == null) {
            return false;
        }
        atLeast((int) ((long) seconds * (100 - ABOUT_PERCENT) / 100));
        return atMost((int) ((long) seconds * (100 + ABOUT_PERCENT) / 100));
    }

    boolean since(Instant instant) {
        since = since == null || instant.isAfter(since) ? instant : since;
        return true;
    }

    boolean withinLast(long days) {
        return since(now.minus(Duration.ofDays(days)));
    }

    boolean sinceYear(int year) {
        return since(LocalDate.of(year, 1, 1).atStartOfDay(clock.getZone()).toInstant());
    }

    boolean language(String code) {
        if (language == null) {
            language = code;
        }
        return true;
    }

    boolean explicit(boolean allowed) {
        explicit = explicit == null ? allowed : explicit && allowed;
        return true;
    }

    boolean item(int ordinal) {
        if (item == null) {
            item = ordinal;
        }
        return true;
    }

    boolean likeTitle(String title) {
        String cleaned = title == null ? "" : title.strip().replaceAll("^[\"'“”‘’《》「」]+|[\"'“”‘’《》「」]+$", "").strip();
        if (cleaned.length() < 2 || cleaned.length() > MAX_TITLE_CHARS || PRONOUN.matcher(cleaned).matches()
                || topicOf(cleaned) == null) {
            return false;
        }
        if (likeTitle == null) {
            likeTitle = cleaned;
        }
        return true;
    }

    boolean length(LengthChange change) {
        lengthChange = change;
        return true;
    }

    AskConstraints constraints() {
        List<String> parts = new ArrayList<>();
        for (String fragment : text.split("\\|")) {
            String part = topicOf(fragment);
            if (part != null) {
                parts.add(part);
            }
        }
        String topic = String.join(" ", parts);
        if (topic.length() > MAX_TOPIC_CHARS) {
            topic = topic.substring(0, MAX_TOPIC_CHARS).strip();
        }
        return new AskConstraints(topic, language, min, max, since, explicit, likeTitle, item, lengthChange, forMe,
                wants(parts.isEmpty()));
    }

    /**
     * What the message names as the thing to find, in what is left once titles and conditions are out:
     * episodes before podcasts ("episodes of physics podcasts"). A message of conditions only that says
     * "instead", "only" or "what about" refines the previous request and names nothing new.
     */
    private ItemKind wants(boolean noTopic) {
        if (noTopic && REFINEMENT.matcher(original).find()) {
            return null;
        }
        if (EPISODE_WORDS.matcher(text).find()) {
            return ItemKind.EPISODE;
        }
        return PODCAST_WORDS.matcher(text).find() ? ItemKind.PODCAST : null;
    }

    private static final Pattern PRONOUN = Pattern.compile("(?:that|this|it|those|these|them)(?:\\s+ones?)?", FLAGS);
    private static final Pattern REFINEMENT = Pattern.compile("\\b(?:instead|only|just|too|also|then|rather)\\b|"
            + "\\b(?:what|how)\\s+about\\b|换成|改成|只要|只看|也要", FLAGS);
    private static final Pattern EPISODE_WORDS = Pattern.compile("\\bepisodes?\\b|单集|一集", FLAGS);
    private static final Pattern PODCAST_WORDS = Pattern.compile("\\b(?:podcasts?|shows?|series|programmes?)\\b|播客|节目", FLAGS);

    // ---------------------------------------------------------------- the topic: what is left, less filler

    private static final List<String> FILLER = List.of("please", "pls", "hi", "hello", "hey", "thanks", "thank you", "ok",
            "okay", "so", "well", "now", "then", "also", "too", "again", "instead", "just", "only", "maybe", "perhaps",
            "can you", "could you", "would you", "will you", "can i have", "could i have", "can i", "could i", "i want",
            "i wanna", "i need", "i'm looking for", "im looking for", "i am looking for", "looking for", "i'm after",
            "do you have", "have you got", "got", "are there", "is there", "any", "some", "a few", "a couple of", "a", "an",
            "the", "another", "other", "others", "more", "less", "find", "give", "show", "get", "play", "search for", "search",
            "look for", "tell me about", "me", "us", "something", "anything", "stuff", "things", "podcasts", "podcast",
            "shows", "episodes", "episode", "ones", "one", "series", "audio", "listen to", "to listen to", "listen", "to hear",
            "hear", "content", "recommendations", "recommendation", "suggestions", "suggestion", "good", "great",
            "interesting", "nice", "cool", "on", "about", "regarding", "covering", "concerning", "related to", "discussing",
            "dealing with", "that talks about", "talking about", "with", "of", "for", "to", "from", "in", "by", "and", "or",
            "but", "that", "which", "what", "is", "are", "like", "similar", "kind of", "sort of", "type of", "else");
    private static final Pattern LEADING_FILLER = Pattern.compile("^(?:" + alternation(FILLER) + ")\\b", FLAGS);
    private static final Pattern TRAILING_FILLER = Pattern.compile("\\b(?:" + alternation(FILLER) + ")$", FLAGS);
    private static final Pattern LEADING_ZH_FILLER = Pattern.compile("^(?:" + alternation(List.of("请问", "请", "麻烦",
            "你好", "您好", "帮我", "给我", "替我", "我想要", "我想听", "我想", "我要", "想要", "想听", "听听", "找一下", "找找", "找",
            "搜索", "来点", "来一些", "有没有", "有什么", "有哪些", "是否有", "一些", "一点", "一个", "一集", "一档", "一期", "几个",
            "几集", "几档", "但是", "不过", "可是", "而且", "并且", "关于", "有关", "讲述", "讲的是", "介绍", "播放", "推荐", "还有", "只要", "更多")) + ")");
    private static final Pattern TRAILING_ZH_FILLER = Pattern.compile("(?:" + alternation(List.of("的播客", "的节目", "的内容",
            "的单集", "播客", "节目", "单集", "内容", "一下", "可以吗", "好吗", "谢谢", "有吗", "的", "吗", "呢", "吧", "啊", "呀",
            "嘛")) + ")$");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s,.;:!?\"'“”‘’«»()\\[\\]{}、。~…-]+|"
            + "[\\s,.;:!?\"'“”‘’«»()\\[\\]{}、。~…-]+$");

    /** A fragment of the message without filler at either end, or null when nothing is left. */
    static String topicOf(String fragment) {
        String text = fragment;
        for (int round = 0; round < 200; round++) {
            String next = EDGE_PUNCTUATION.matcher(text).replaceAll("");
            next = LEADING_FILLER.matcher(next).replaceFirst("").strip();
            next = TRAILING_FILLER.matcher(next).replaceFirst("").strip();
            next = LEADING_ZH_FILLER.matcher(next).replaceFirst("").strip();
            next = TRAILING_ZH_FILLER.matcher(next).replaceFirst("").strip();
            if (next.equals(text)) {
                break;
            }
            text = next;
        }
        return text.codePoints().anyMatch(Character::isLetterOrDigit) ? text : null;
    }
}
