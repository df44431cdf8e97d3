package org.wavelength.core.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wavelength.core.assistant.AskConstraints.LengthChange;
import org.wavelength.core.domain.ItemKind;

class RequestParserTest {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    RequestParser parser = new RequestParser(Clock.fixed(NOW, ZoneOffset.UTC));

    /** Every field of the expected constraints, so that a phrase read twice or left in the topic fails. */
    static final class Expect {
        String topic;
        String language;
        Integer min;
        Integer max;
        Instant since;
        Boolean explicit;
        String like;
        Integer item;
        LengthChange change;
        boolean forMe;
        ItemKind wants;

        Expect topic(String value) {
            topic = value;
            return this;
        }

        Expect language(String value) {
            language = value;
            return this;
        }

        Expect minutes(Integer from, Integer to) {
            min = from == null ? null : from * 60;
            max = to == null ? null : to * 60;
            return this;
        }

        Expect seconds(Integer from, Integer to) {
            min = from;
            max = to;
            return this;
        }

        Expect daysAgo(int days) {
            since = NOW.minus(Duration.ofDays(days));
            return this;
        }

        Expect since(String instant) {
            since = Instant.parse(instant);
            return this;
        }

        Expect explicit(boolean value) {
            explicit = value;
            return this;
        }

        Expect like(String title) {
            like = title;
            return this;
        }

        Expect item(int ordinal) {
            item = ordinal;
            return this;
        }

        Expect change(LengthChange value) {
            change = value;
            return this;
        }

        Expect forMe() {
            forMe = true;
            return this;
        }

        Expect podcasts() {
            wants = ItemKind.PODCAST;
            return this;
        }

        Expect episodes() {
            wants = ItemKind.EPISODE;
            return this;
        }

        AskConstraints constraints() {
            return new AskConstraints(topic, language, min, max, since, explicit, like, item, change, forMe, wants);
        }
    }

    static Expect expect() {
        return new Expect();
    }

    static Arguments read(String message, Expect expected) {
        return Arguments.of(message, expected);
    }

    static Stream<Arguments> phrasings() {
        return Stream.of(
                // The three examples of the issue, and the follow-ups.
                read("a short episode on the history of computing", expect().episodes().topic("history of computing").minutes(null, 20)),
                read("something like Off Menu but about science, in Chinese",
                        expect().topic("science").language("zh").like("Off Menu")),
                read("more like the second one", expect().item(2)),
                read("no explicit stuff, under 30 minutes, recent", expect().explicit(false).minutes(null, 30).daysAgo(30)),
                read("Shorter", expect().change(LengthChange.SHORTER)),
                read("longer ones please", expect().change(LengthChange.LONGER)),
                read("in Chinese instead", expect().language("zh")),
                read("only recent ones", expect().daysAgo(30)),
                read("fresh pasta", expect().topic("fresh pasta")),
                read("fresh episodes about jazz", expect().episodes().topic("jazz").daysAgo(30)),
                // Languages.
                read("podcasts in French about cooking", expect().podcasts().topic("cooking").language("fr")),
                read("Mandarin podcasts about history", expect().podcasts().topic("history").language("zh")),
                read("French cooking", expect().topic("French cooking")),
                read("in English please", expect().language("en")),
                read("Chinese?", expect().language("zh")),
                read("a Spanish-language show about football", expect().podcasts().topic("football").language("es")),
                read("less than 30 minutes in German", expect().language("de").minutes(null, 30)),
                read("用中文的科学播客", expect().podcasts().topic("科学").language("zh")),
                read("英文的历史节目", expect().podcasts().topic("历史").language("en")),
                read("有没有日语的播客", expect().podcasts().language("ja")),
                // Durations.
                read("less than 45 min", expect().minutes(null, 45)),
                read("under 30", expect().minutes(null, 30)),
                read("a podcast for people over 50", expect().podcasts().topic("people over 50")),
                read("Can you find me a quick podcast about the moon landing please?",
                        expect().podcasts().topic("moon landing").minutes(null, 20)),
                read("at most 1.5 hours", expect().minutes(null, 90)),
                read("an hour and a half or less", expect().minutes(null, 90)),
                read("shorter than 10 minutes", expect().minutes(null, 10)),
                read("between 20 and 40 minutes", expect().minutes(20, 40)),
                read("20-40 min episodes about jazz", expect().episodes().topic("jazz").minutes(20, 40)),
                read("between 1 and 2 hours", expect().minutes(60, 120)),
                read("over an hour on the Roman empire", expect().topic("Roman empire").minutes(60, null)),
                read("a 20-minute episode about bees", expect().episodes().topic("bees").minutes(15, 25)),
                read("about half an hour of jazz", expect().topic("jazz").seconds(1350, 2250)),
                read("long interviews with scientists", expect().topic("interviews with scientists").minutes(60, null)),
                read("I have 15 minutes, something about Rome", expect().topic("Rome").minutes(null, 15)),
                read("ENIAC history in 20 min", expect().topic("ENIAC history").minutes(null, 20)),
                read("30分钟以内的历史播客", expect().podcasts().topic("历史").minutes(null, 30)),
                read("短的科学节目", expect().podcasts().topic("科学").minutes(null, 20)),
                read("不超过半小时的新闻", expect().topic("新闻").minutes(null, 30)),
                read("一个半小时以上的访谈", expect().topic("访谈").minutes(90, null)),
                read("三十分钟左右", expect().seconds(1350, 2250)),
                read("更短一点", expect().change(LengthChange.SHORTER)),
                // Recency.
                read("this week", expect().daysAgo(7)),
                read("from the last 3 days", expect().daysAgo(3)),
                read("episodes since 2024", expect().episodes().since("2024-01-01T00:00:00Z")),
                read("this year", expect().since("2026-01-01T00:00:00Z")),
                read("new episodes about space", expect().episodes().topic("space").daysAgo(30)),
                read("New York history", expect().topic("New York history")),
                read("the latest on AI", expect().topic("AI").daysAgo(30)),
                read("最近一周的科技播客", expect().podcasts().topic("科技").daysAgo(7)),
                read("2024年以来的节目", expect().podcasts().since("2024-01-01T00:00:00Z")),
                read("最新的", expect().daysAgo(30)),
                // Explicit content.
                read("keep it clean, something about cars", expect().topic("cars").explicit(false)),
                read("family-friendly science", expect().topic("science").explicit(false)),
                read("not explicit", expect().explicit(false)),
                read("something for kids about dinosaurs", expect().topic("dinosaurs").explicit(false)),
                read("explicit is fine", expect().explicit(true)),
                read("clean energy", expect().topic("clean energy")),
                read("适合儿童的故事", expect().topic("故事").explicit(false)),
                read("脏话也可以", expect().explicit(true)),
                // For me.
                read("recommend me something", expect().forMe()),
                read("something for me under 30 minutes", expect().forMe().minutes(null, 30)),
                read("what should I listen to", expect().forMe()),
                read("给我推荐一些历史播客", expect().podcasts().topic("历史").forMe()),
                // Like a podcast.
                read("like “Hardcore History” but shorter", expect().like("Hardcore History").change(LengthChange.SHORTER)),
                read("something like This Week in Tech", expect().like("This Week in Tech")),
                read("something like off menu but about science", expect().topic("science").like("off menu")),
                read("like Off Menu in Chinese", expect().language("zh").like("Off Menu")),
                read("similar to \"Short Cuts\", recent", expect().like("Short Cuts").daysAgo(30)),
                read("类似《故事FM》的节目", expect().podcasts().like("故事FM")),
                read("像Off Menu一样的科学播客", expect().podcasts().topic("科学").like("Off Menu")),
                read("I'd like something about whales", expect().topic("whales")),
                read("sounds like fun", expect().topic("sounds like fun")),
                read("有什么像Off Menu一样但是关于科学的中文播客吗？", expect().podcasts().topic("科学").language("zh").like("Off Menu")),
                read("I like science podcasts", expect().podcasts().topic("science")),
                // An item of the previous answer.
                read("#2", expect().item(2)),
                read("number 3 please", expect().item(3)),
                read("the last one but in French", expect().language("fr").item(AskConstraints.LAST_ITEM)),
                read("more like that", expect().item(1)),
                read("more like This", expect().item(1)),
                read("第二个", expect().item(2)),
                read("像这个一样的", expect().item(1)),
                // Nothing to read.
                read("", expect()),
                read("hello", expect()),
                read("thanks!", expect()),
                read("tell me about black holes", expect().topic("black holes")),
                // Words of the topic that are also conditions: a condition only where the phrase says so.
                read("the latest research in physics", expect().topic("latest research in physics")),
                read("the latest episodes about physics", expect().episodes().topic("physics").daysAgo(30)),
                read("short daily lessons", expect().topic("short daily lessons")),
                read("a brief history of time", expect().topic("brief history of time")),
                read("quick tips for cooking", expect().topic("quick tips for cooking")),
                read("something quick on bees", expect().topic("bees").minutes(null, 20)),
                read("bees, short please", expect().topic("bees").minutes(null, 20)),
                read("a daily briefing", expect().topic("daily briefing")),
                read("new music", expect().topic("new music")),
                read("recent history of Ireland", expect().topic("recent history of Ireland")),
                read("what is new this week?", expect().daysAgo(7)),
                read("最新研究", expect().topic("最新研究")),
                read("最新的节目", expect().podcasts().daysAgo(30)),
                read("短篇小说", expect().topic("短篇小说")),
                // Titles with the punctuation of names.
                read("something like Dr. Laura Call of the Day", expect().like("Dr. Laura Call of the Day")),
                read("something like Who? Weekly", expect().like("Who? Weekly")),
                read("podcasts like Jornal de Notícias", expect().podcasts().like("Jornal de Notícias")),
                read("something like Off Menu. Also in English", expect().like("Off Menu").language("en")),
                // What to find, said without a topic: a new request, not a refinement of the last one.
                read("German podcasts", expect().podcasts().language("de")),
                read("podcasts in Spanish", expect().podcasts().language("es")),
                read("only German ones", expect().language("de")),
                read("episodes in German instead", expect().language("de")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phrasings")
    void readsThePhrasing(String message, Expect expected) {
        assertThat(parser.parse(message)).isEqualTo(expected.constraints());
    }

    @Test
    void nothingIsReadFromNoMessage() {
        assertThat(parser.parse(null)).isEqualTo(AskConstraints.NONE);
    }

    @Test
    void theConstraintsBecomeTheFilter() {
        AskConstraints asked = parser.parse("no explicit stuff, under 30 minutes, recent, in Chinese");
        var filter = asked.toFilter();
        assertThat(filter.language()).isEqualTo("zh");
        assertThat(filter.explicit()).isFalse();
        assertThat(filter.maxDurationSeconds()).isEqualTo(1800);
        assertThat(filter.minDurationSeconds()).isNull();
        assertThat(filter.publishedAfter()).isEqualTo(NOW.minus(Duration.ofDays(30)));
        assertThat(parser.parse("explicit is fine").toFilter().explicit()).as("allowed is no restriction").isNull();
    }

    @Test
    void aLongMessageIsReadUpToTheCap() {
        String message = "history of computing ".repeat(2000) + " in French";
        AskConstraints asked = parser.parse(message);
        assertThat(asked.language()).as("beyond the cap").isNull();
        assertThat(asked.topic()).hasSizeLessThanOrEqualTo(RequestParser.MAX_TOPIC_CHARS).startsWith("history of computing");
    }

    @Test
    void anyInputIsReadWithoutThrowing() {
        String[] pieces = {"under", "over", "between", "and", "minutes", "min", "h", "hour", "an", "half", "-", "–", "1.5",
            "30", "99999", "0", "like", "\"", "“", "”", "《", "》", "'", "similar to", "in", "Chinese", "中文", "第", "个",
            "分钟", "以内", "小时", "半", "最近", "since", "2024", "19", "last", "days", "#", "number", "explicit", "no",
            "clean", "for me", "|", "(", ")", "[", "\\", "$1", "?", "*", "+", "{2}", ".", ",", "。", "的", "短", "更短",
            "shorter", "longer", "the second one", "\u0000", "\uD83D\uDE00", "\uD83D", "é", "ß", "İ", " ", "  ", "\n", "\t"};
        Random random = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            StringBuilder message = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                message.append(random.nextInt(4) == 0 ? randomChars(random) : pieces[random.nextInt(pieces.length)]);
                if (random.nextBoolean()) {
                    message.append(' ');
                }
            }
            String text = message.toString();
            AskConstraints asked = parser.parse(text);
            assertThat(asked).as(text).isNotNull();
            if (asked.topic() != null) {
                assertThat(asked.topic()).as(text).isNotBlank().hasSizeLessThanOrEqualTo(RequestParser.MAX_TOPIC_CHARS)
                        .doesNotContain("|");
            }
            assertThat(asked.toFilter()).as(text).isNotNull();
        }
    }

    private static String randomChars(Random random) {
        StringBuilder chars = new StringBuilder();
        int length = 1 + random.nextInt(6);
        for (int i = 0; i < length; i++) {
            chars.appendCodePoint(random.nextInt(3) == 0 ? 0x4E00 + random.nextInt(0x5000) : random.nextInt(0x250));
        }
        return chars.toString();
    }
}
