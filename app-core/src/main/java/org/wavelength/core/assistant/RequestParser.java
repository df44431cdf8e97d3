package org.wavelength.core.assistant;

import static org.wavelength.core.assistant.Phrases.FLAGS;
import static org.wavelength.core.assistant.Phrases.alternation;
import static org.wavelength.core.assistant.SpokenAmounts.AMOUNT;
import static org.wavelength.core.assistant.SpokenAmounts.BARE_AMOUNT;
import static org.wavelength.core.assistant.SpokenAmounts.NUMBER;
import static org.wavelength.core.assistant.SpokenAmounts.ZH_AMOUNT;
import static org.wavelength.core.assistant.SpokenAmounts.ZH_NUMBER;
import static org.wavelength.core.assistant.SpokenAmounts.capped;
import static org.wavelength.core.assistant.SpokenAmounts.chineseNumber;
import static org.wavelength.core.assistant.SpokenAmounts.chineseSeconds;
import static org.wavelength.core.assistant.SpokenAmounts.inHours;
import static org.wavelength.core.assistant.SpokenAmounts.number;
import static org.wavelength.core.assistant.SpokenAmounts.seconds;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wavelength.core.assistant.AskConstraints.LengthChange;
import org.wavelength.core.domain.Segments;

/**
 * Reads a listener's request in English or Chinese into {@link AskConstraints}, without a language
 * model: conditions are recognised by phrase, taken out of the text, and what is left, less filler
 * words ("something", "a podcast", "about", "please"...), is the topic. Never throws; a message is
 * read up to {@value #MAX_MESSAGE_CHARS} characters.
 *
 * <p>Phrases read, and how:
 * <ul>
 * <li><b>Language</b>: any language by its English name as {@link Locale} knows it (plus Mandarin,
 * Cantonese, Farsi, Bengali, Flemish), or by its Chinese name (中文, 英文, 用中文, 法语...), as a
 * segment code ({@link Segments#of}). An English name counts when it is "in French", "French-language",
 * "French podcasts/episodes/ones", or a clause of its own ("Chinese instead"); "French cooking" is a
 * topic.
 * <li><b>Duration</b>: "under/less than/at most/within/in N minutes/hours", "over/at least/more than
 * N", "between 20 and 40 minutes", "20-40 min"; "about N minutes", "a 20-minute episode" or a bare
 * "20 minutes" mean within {@value #ABOUT_PERCENT}% either side; "short/quick/brief" means at most
 * {@value #SHORT_MINUTES} minutes (a commute, a walk), "long" at least {@value #LONG_MINUTES};
 * "shorter/longer" are relative to the previous answer ({@link LengthChange}). Chinese: "30分钟以内/以下",
 * "不超过半小时", "一小时以上", "短", "更短".
 * <li><b>Recency</b> (with the injected clock): "recent/latest/newest/new episodes" = the last
 * {@value #RECENT_DAYS} days; "this week" or "the past week" = 7 days, "this month" = 30, "this
 * year" = since 1 January, "the past year" = 365 days, "last N days/weeks/months", "since 2024";
 * Chinese 最近, 最新, 本周, 本月, 今年, 最近7天, 2024年以来.
 * <li><b>Explicit</b>: "no explicit (stuff)", "not explicit", "clean", "family-/kid-friendly", "for
 * kids", "no swearing" → none; "explicit is fine/ok", "don't mind explicit" → allowed. Chinese 不要脏话,
 * 适合儿童, 脏话也可以.
 * <li><b>Like</b>: "like/similar to/in the style of &lt;title&gt;", the title quoted, or capitalised
 * words ("like This Week in Tech"), or running to "but", "about", a comma or the end; Chinese
 * 类似《故事FM》的, 像Off Menu一样的.
 * <li><b>An item of the previous answer</b>: "the second one", "#2", "number 2", "the last one",
 * "more like that/it" (the first); Chinese 第二个, 最后一个, 像这个一样的.
 * <li><b>For me</b>: "for me", "recommend me", "recommend something", "what should I listen to";
 * Chinese 给我推荐, 推荐一些, 适合我.
 * </ul>
 */
public class RequestParser {

    public static final int MAX_MESSAGE_CHARS = 500;
    /** "Short": what fits a commute or a walk. */
    public static final int SHORT_MINUTES = 20;
    /** "Long": an hour or more, as long-form interviews run. */
    public static final int LONG_MINUTES = 60;
    /** "Recent", "new", "latest": most shows publish weekly, so a month holds a few of each. */
    public static final int RECENT_DAYS = 30;
    /** "About 20 minutes": 15 to 25. */
    static final int ABOUT_PERCENT = 25;
    static final int MAX_TOPIC_CHARS = 200;
    static final int MAX_TITLE_CHARS = 100;
    /** Where a phrase was taken out: the topic does not run across it, nor does an unquoted title. */
    private static final String CUT = " | ";

    private final Clock clock;

    public RequestParser(Clock clock) {
        this.clock = clock;
    }

    public AskConstraints parse(String message) {
        RequestDraft draft = new RequestDraft(normalised(message), clock);
        for (Rule rule : RULES) {
            // A phrase that was one is cut out, so that the topic and an unquoted title do not run across it.
            draft.text = rule.pattern().matcher(draft.text).replaceAll(match -> rule.action().test(match, draft)
                    ? CUT : Matcher.quoteReplacement(match.group()));
        }
        return draft.constraints();
    }

    /**
     * Compatibility forms folded (full-width digits and punctuation to ASCII), controls and our cut
     * mark made spaces, whitespace collapsed, cut to length.
     */
    static String normalised(String message) {
        if (message == null) {
            return "";
        }
        String text = message.length() > MAX_MESSAGE_CHARS * 2 ? message.substring(0, MAX_MESSAGE_CHARS * 2) : message;
        text = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\p{Cntrl}|]", " ")
                .replaceAll("(?<=\\p{L})’(?=\\p{L})", "'")
                .replaceAll("\\s+", " ").strip();
        if (text.length() > MAX_MESSAGE_CHARS) {
            int end = Character.isHighSurrogate(text.charAt(MAX_MESSAGE_CHARS - 1)) ? MAX_MESSAGE_CHARS - 1 : MAX_MESSAGE_CHARS;
            text = text.substring(0, end);
        }
        return text;
    }

    /** A phrase and what it means; the action returns false to leave the text in place (it was not one after all). */
    private record Rule(Pattern pattern, BiPredicate<MatchResult, RequestDraft> action) {
    }

    private static Rule rule(String regex, BiPredicate<MatchResult, RequestDraft> action) {
        return new Rule(Pattern.compile(regex, FLAGS), action);
    }

    /** A Chinese phrase, with the 的 that ties it to the rest ("30分钟以内的历史播客"). */
    private static Rule zh(String regex, BiPredicate<MatchResult, RequestDraft> action) {
        return rule("(?:" + regex + ")的?", action);
    }

    private static boolean englishLanguage(MatchResult m, RequestDraft d) {
        return d.language(LanguageNames.ENGLISH.get(m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")));
    }

    private static final String LANGUAGE = LanguageNames.ENGLISH_PATTERN;

    // ---------------------------------------------------------------- titles and items

    private static final String LIKE = "(?:like|similar\\s+to|in\\s+the\\s+(?:style|vein)\\s+of|along\\s+the\\s+lines\\s+of|à\\s+la|a\\s+la)";
    /**
     * Without quotes or capitals, "like" makes a title only after a word that asks for one ("something
     * like", "podcasts like") or at the start: "sounds like fun" is not about a podcast called Fun.
     */
    private static final String LIKE_AFTER_A_NOUN = "(?:(?:^|(?<=\\|)\\s{0,3}|\\b(?:something|anything|more|podcasts?|shows?|"
            + "episodes?|stuff|ones?|kind\\s+of|sort\\s+of|just|a\\s+bit)\\s+)like|\\b(?:similar\\s+to|in\\s+the\\s+(?:style|vein)\\s+of|"
            + "along\\s+the\\s+lines\\s+of|à\\s+la|a\\s+la))";
    private static final String QUOTED = "(?:\"([^\"]{1,100})\"|“([^”]{1,100})”|'([^']{1,100})'|‘([^’]{1,100})’|《([^》]{1,100})》|「([^」]{1,100})」)";
    /** A word of a capitalised title: "Off", "Menu", "99%", "Dr", "S.T.A.R". */
    private static final String TITLE_WORD = "(?:\\p{Lu}|\\d)[\\p{L}\\p{N}'’&:-]*(?:\\.[\\p{L}\\p{N}]+)*"
            // "Dr. Laura", "Who? Weekly": an abbreviation's dot, or a question mark, inside a capitalised title.
            + "(?:(?<=\\b\\p{Lu}\\p{Ll}{0,2})\\.(?=\\s+\\p{Lu})|\\?(?=\\s+\\p{Lu}))?";
    /** Small words a title keeps between capitalised ones: "This Week in Tech". */
    private static final String TITLE_CONNECTOR = "(?:of|the|and|a|an|in|on|for|with|to|&|de|la|le|les|el|em|do|da|dos|das|du|des|del|di|e|et|y|und|von|van|der)";
    /** Where a capitalised title stops, capitals or not: "Off Menu in Chinese", "Off Menu But About Science". */
    private static final String TITLE_STOP = "(?i:in\\s+" + LANGUAGE + "|but|about|except|though|although|only|which|that)\\b";
    /** Case-sensitive: the capitals are what tell the title from the rest. */
    private static final Pattern CAPITALISED_TITLE = Pattern.compile("\\b(?i:" + LIKE + ")\\s+(" + TITLE_WORD + "(?:\\s+(?!"
            + TITLE_STOP + ")(?:" + TITLE_WORD + "|" + TITLE_CONNECTOR + ")(?=\\s|$|[,;.!?]))*)", Pattern.UNICODE_CHARACTER_CLASS);

    private static String firstGroup(MatchResult m) {
        for (int i = 1; i <= m.groupCount(); i++) {
            if (m.group(i) != null) {
                return m.group(i);
            }
        }
        return null;
    }

    private static final Map<String, Integer> ORDINALS = Map.ofEntries(Map.entry("first", 1), Map.entry("second", 2),
            Map.entry("third", 3), Map.entry("fourth", 4), Map.entry("fifth", 5), Map.entry("sixth", 6),
            Map.entry("seventh", 7), Map.entry("eighth", 8), Map.entry("ninth", 9), Map.entry("tenth", 10),
            Map.entry("last", AskConstraints.LAST_ITEM));

    private static int ordinal(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        Integer named = ORDINALS.get(lower);
        return named != null ? named : Integer.parseInt(lower.replaceAll("\\D", ""));
    }

    private static boolean item(MatchResult m, RequestDraft d) {
        int ordinal = ordinal(m.group(1));
        return ordinal != 0 && d.item(ordinal);
    }

    private static boolean chineseItem(MatchResult m, RequestDraft d) {
        int ordinal = (int) Math.min(100, chineseNumber(m.group(1)));
        return ordinal != 0 && d.item(ordinal);
    }

    // ---------------------------------------------------------------- the rules, in order

    /** Where a clause ends: the topic and an unquoted title do not run over it. */
    private static final String CLAUSE_END = "(?=\\s*(?:[|,;.!?。]|$))";

    /** What a listener asks for when "short" or "latest" says something of it rather than of the topic. */
    private static final String LISTENING = "episodes?|podcasts?|shows?|ones?|listens?|audio|stuff|content|things?|pieces?";

    private static final List<Rule> RULES = List.of(
            // Wishes that are not "like <title>".
            rule("\\b(?:i'?d|i\\s+would|we'?d|we\\s+would|would\\s+you|do\\s+you|i|we)\\s+(?:really\\s+|also\\s+)?(?:like|love|enjoy)\\b"
                    + "(?:\\s+to\\s+(?:hear|listen(?:\\s+to)?|find|get|have))?", (m, d) -> true),

            // Titles first, so that their words are not read as conditions ("like This Week in Tech").
            rule("\\b" + LIKE + "\\s*" + QUOTED, (m, d) -> d.likeTitle(firstGroup(m))),
            zh("(?:类似于?|像|和|跟|与)\\s*" + QUOTED + "\\s*(?:一样|那样|差不多|相似|类似)?的?", (m, d) -> d.likeTitle(firstGroup(m))),
            new Rule(CAPITALISED_TITLE, (m, d) -> d.likeTitle(m.group(1).replaceAll("(?:\\s+" + TITLE_CONNECTOR + ")+$", ""))),

            // An item of the previous answer.
            rule("\\b(?:the\\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\\d{1,2}(?:st|nd|rd|th))"
                    + "\\s+(?:one|episode|podcast|show|item|result|passage|pick|suggestion|option)\\b", RequestParser::item),
            rule("(?:#|\\b(?:number|no\\.|item|result|option)\\s*)\\s*(\\d{1,2})\\b", RequestParser::item),
            rule("\\b(?:(?:more|something|anything|others?|ones?|another(?:\\s+one)?|stuff|episodes?|podcasts?)\\s+)?"
                    + "(?:like|similar\\s+to)\\s+(?:that|this|it)(?:\\s+one)?\\b", (m, d) -> d.item(1)),
            zh("第\\s*([一二两三四五六七八九十\\d]{1,3})\\s*(?:个|集|档|期|条|部|项|篇)", RequestParser::chineseItem),
            zh("最后(?:一|那)?(?:个|集|档|期|条)", (m, d) -> d.item(AskConstraints.LAST_ITEM)),
            zh("(?:像|类似于?|和|跟)\\s*(?:这个|那个|它|这一个|那一个|这集|那集)\\s*(?:一样|那样|差不多|相似|类似)?的?", (m, d) -> d.item(1)),

            // Explicit content: the refusals first ("explicit is not fine").
            rule("\\b(?:no|not|non|nothing|without|avoid|skip|exclude)[\\s-]*explicit(?:\\s+(?:stuff|content|language|episodes?|"
                    + "podcasts?|shows?|ones|material))?\\b", (m, d) -> d.explicit(false)),
            rule("\\bexplicit\\s+(?:(?:stuff|content|language|episodes|ones)\\s+)?(?:is|are)\\s+not\\s+(?:fine|ok(?:ay)?|allowed|"
                    + "welcome|good)\\b", (m, d) -> d.explicit(false)),
            rule("\\b(?:family|kids?|child|children)[\\s-]*(?:friendly|safe|appropriate)\\b|\\bfor\\s+(?:kids|children|"
                    + "the\\s+(?:kids|family)|my\\s+(?:kids|children))\\b|\\bsafe\\s+for\\s+(?:work|kids|children)\\b|\\bsfw\\b|"
                    + "\\b(?:no|without)\\s+(?:swearing|profanity|cursing|bad\\s+language)\\b", (m, d) -> d.explicit(false)),
            rule("\\b(?:keep\\s+it|only|something|anything|strictly)\\s+clean\\b|\\bclean\\s+(?:episodes?|podcasts?|shows?|ones|"
                    + "stuff|content|only|version|language)\\b|\\bclean\\b" + CLAUSE_END, (m, d) -> d.explicit(false)),
            zh("(?:不要|不含|没有|无|避免|别有|不要有|不带|去掉)\\s*(?:露骨|脏话|粗口|成人|限制级)的?(?:内容|语言)?|"
                    + "(?:适合|适宜)(?:儿童|孩子|小孩|小朋友|全家|家庭)(?:收听|听)?的?|(?:儿童|亲子|家庭)友好的?", (m, d) -> d.explicit(false)),
            rule("\\bexplicit\\s+(?:(?:stuff|content|language|episodes|ones)\\s+)?(?:(?:is|are)\\s+)?(?:fine|ok(?:ay)?|allowed|"
                    + "welcome|good)\\b|\\b(?:don'?t|do\\s+not)\\s+mind\\s+(?:explicit|swearing)(?:\\s+(?:stuff|content|language))?\\b|"
                    + "\\b(?:including|include|even)\\s+explicit(?:\\s+(?:ones|stuff|content|episodes?))?\\b|"
                    + "\\bswearing\\s+is\\s+(?:fine|ok(?:ay)?)\\b", (m, d) -> d.explicit(true)),
            zh("(?:露骨|脏话|粗口)的?(?:内容)?也?(?:可以|没关系|无所谓|没问题|不介意)", (m, d) -> d.explicit(true)),

            // Language.
            rule("\\b(?:in|spoken\\s+in)\\s+" + LANGUAGE + "\\b", RequestParser::englishLanguage),
            rule("\\b" + LANGUAGE + "[\\s-]+(?:language|speaking|spoken)\\b", RequestParser::englishLanguage),
            rule("\\b" + LANGUAGE + "(?=\\s+(?:podcasts?|episodes?|shows?|ones|content|stuff|audio)\\b)",
                    RequestParser::englishLanguage),
            rule("(?:^|(?<=[|,;.!?]))\\s*(?:(?:what|how)\\s+about\\s+)?" + LANGUAGE
                    + "(?:\\s+(?:instead|only|please|then|now|ones|too))*" + CLAUSE_END, RequestParser::englishLanguage),
            zh("(?:用|说|讲)?(" + alternation(LanguageNames.CHINESE.keySet()) + ")(?:的|说的|讲的|版)?",
                    (m, d) -> d.language(LanguageNames.CHINESE.get(m.group(1)))),

            // Duration: ranges, bounds, "about", then words.
            rule("\\bbetween\\s+(" + AMOUNT + "|" + NUMBER + ")\\s*(?:and|-|–|to)\\s*(" + AMOUNT + ")", RequestParser::range),
            rule("\\b(\\d{1,3})\\s*(?:-|–|to)\\s*(" + AMOUNT + ")", RequestParser::range),
            rule("(?:\\b(?:under|less\\s+than|shorter\\s+than|at\\s+most|max(?:imum)?|up\\s+to|no\\s+(?:more|longer)\\s+than|"
                    + "not\\s+(?:more|longer)\\s+than|within|below|tops|in|i\\s+(?:only\\s+)?have|i'?ve\\s+(?:only\\s+)?got)|<=?)"
                    + "\\s*(?:of\\s+)?(" + AMOUNT + ")", (m, d) -> d.atMost(seconds(m.group(1)))),
            rule("\\b(?:under|less\\s+than|shorter\\s+than|at\\s+most|max(?:imum)?)\\s*(\\d{1,3})" + CLAUSE_END,
                    (m, d) -> d.atMost(capped(Integer.parseInt(m.group(1)) * 60))), // "under 30": minutes
            rule("\\b(" + AMOUNT + ")(?:\\s+(?:or\\s+(?:less|shorter|under)|max(?:imum)?|tops|at\\s+most)\\b|"
                    + "(?=\\s+(?:commute|drive|walk|ride|run|break|lunch\\s+break|journey|trip)\\b))",
                    (m, d) -> d.atMost(seconds(m.group(1)))),
            rule("(?:\\b(?:over|more\\s+than|longer\\s+than|at\\s+least|min(?:imum)?|above|no\\s+(?:less|shorter)\\s+than|"
                    + "not\\s+(?:less|shorter)\\s+than)|>=?)\\s*(" + AMOUNT + ")", (m, d) -> d.atLeast(seconds(m.group(1)))),
            rule("\\b(" + AMOUNT + ")(?:\\s*\\+|\\s+(?:or\\s+(?:more|longer|over)|at\\s+least|minimum)\\b)",
                    (m, d) -> d.atLeast(seconds(m.group(1)))),
            rule("(?:\\b(?:about|around|roughly|approximately|approx\\.?|circa)|~)\\s*(" + AMOUNT + ")",
                    (m, d) -> d.about(seconds(m.group(1)))),
            rule("\\b(" + BARE_AMOUNT + ")(?:[\\s-]+long\\b)?", (m, d) -> d.about(seconds(m.group(1)))),
            zh("(?:不超过|不到|少于|低于|小于|最多|最长)\\s*(" + ZH_AMOUNT + ")|(" + ZH_AMOUNT + ")\\s*(?:以内|以下|之内|内)",
                    (m, d) -> d.atMost(chineseSeconds(firstGroup(m)))),
            zh("(?:超过|多于|至少|大于|高于|最少)\\s*(" + ZH_AMOUNT + ")|(" + ZH_AMOUNT + ")\\s*以上",
                    (m, d) -> d.atLeast(chineseSeconds(firstGroup(m)))),
            zh("(" + ZH_AMOUNT + ")\\s*(?:左右)?", (m, d) -> d.about(chineseSeconds(m.group(1)))),
            rule("\\b(?:shorter|less\\s+long|not\\s+so\\s+long)(?:\\s+(?:ones|episodes?|please))?\\b|更短的?|短一[点些]的?|再短一?点的?",
                    (m, d) -> d.length(LengthChange.SHORTER)),
            rule("\\blonger(?:\\s+(?:ones|episodes?|please))?\\b|更长的?|长一[点些]的?", (m, d) -> d.length(LengthChange.LONGER)),
            // "Short" is a length when it says what is short ("a short episode", "something quick", "short please");
            // "short stories", "a brief history of time", "quick tips" are topics.
            rule("\\b(?:short|quick|brief|bite[\\s-]?sized|snappy)\\b(?=\\s+(?:" + LISTENING + ")\\b|\\s*(?:[|,;.!?]|$)|"
                    + "\\s+(?:please|only|ones?)\\b)|(?<=\\b(?:something|anything|keep\\s{1,3}it|make\\s{1,3}it)\\s)"
                    + "(?:short|quick|brief)\\b|(?:简短|短小|较短|短(?![篇视信期跑线]))的?",
                    (m, d) -> d.atMost(SHORT_MINUTES * 60)),
            rule("\\b(?:long(?:[\\s-]?form)?|lengthy)\\b(?=\\s+(?:episodes?|podcasts?|shows?|ones|listens?|interviews?|"
                    + "conversations?|discussions?)\\b|\\s*(?:[|,;.!?]|$))|\\b(?:something|anything|really|very)\\s+long\\b|"
                    + "较长的?|长篇的?|很长的?", (m, d) -> d.atLeast(LONG_MINUTES * 60)),

            // Recency.
            rule("\\bsince\\s+((?:19|20)\\d{2})\\b", (m, d) -> d.sinceYear(Integer.parseInt(m.group(1)))),
            rule("\\b(?:in\\s+)?(?:the\\s+)?(?:last|past)\\s+(" + NUMBER + ")\\s+(days?|weeks?|months?|years?)\\b",
                    (m, d) -> d.withinLast(days(number(m.group(1)), m.group(2)))),
            rule("\\b(?:(?:in\\s+)?(?:the\\s+)?(?:last|past)|this)\\s+(day|week|month)\\b|\\b(today)\\b",
                    (m, d) -> d.withinLast(days(1, firstGroup(m)))),
            rule("\\b(?:in\\s+)?(?:the\\s+)?(?:last|past)\\s+year\\b", (m, d) -> d.withinLast(365)),
            rule("\\bthis\\s+year\\b", (m, d) -> d.sinceYear(Year.now(d.clock).getValue())),
            // Recency when it is said of what to listen to ("the latest episodes", "recent ones", "what's new",
            // "the latest on AI"); "the latest research in physics", "recent history", "new music" are topics.
            rule("\\b(?:recent|latest|newest|brand[\\s-]new|new|fresh)\\b(?=\\s+(?:" + LISTENING + "|releases?|uploads?)\\b|"
                    + "\\s*(?:[|,;.!?]|$)|\\s+(?:please|only|ones?)\\b)|\\b(?:the\\s+)?(?:latest|newest)\\s+(?:on|about|from)\\b|"
                    + "\\b(?:recently|just\\s+(?:out|released|published)|(?:released|published)\\s+recently)\\b|"
                    + "\\b(?:something|anything|what'?s|what\\s+is)\\s+new\\b",
                    (m, d) -> d.withinLast(RECENT_DAYS)),
            zh("(?:最近|过去)\\s*(" + ZH_NUMBER + ")\\s*(?:个)?\\s*(天|周|星期|月|年)",
                    (m, d) -> d.withinLast(days(chineseNumber(m.group(1)), m.group(2)))),
            zh("本周|这周|这一周|这个?星期|本星期", (m, d) -> d.withinLast(7)),
            zh("本月|这个月", (m, d) -> d.withinLast(30)),
            zh("今年", (m, d) -> d.sinceYear(Year.now(d.clock).getValue())),
            zh("((?:19|20)\\d{2})\\s*年?\\s*(?:以来|以后|之后|后)", (m, d) -> d.sinceYear(Integer.parseInt(m.group(1)))),
            zh("今天", (m, d) -> d.withinLast(1)),
            // 最新的节目, 最近的单集, 最新的: recency; 最新研究 (the latest research) is a topic.
            zh("(?:最近|最新|新出|近期|新)的?(?=(?:几|一|一些)?(?:集|期|个|档)?(?:节目|单集|播客|内容|一集|更新)|\\s*(?:[|,;.!?。]|$))|"
                    + "最近(?:更新|发布|上线)的?", (m, d) -> d.withinLast(RECENT_DAYS)),

            // For me.
            rule("\\b(?:for\\s+me|for\\s+myself|(?:to\\s+)?my\\s+taste|based\\s+on\\s+(?:my\\s+\\w+|what\\s+i\\s+(?:like|liked|"
                    + "listen\\s+to|enjoy))|recommend(?:ed|ation|ations)?\\s+(?:me|for\\s+me)|recommend\\s+(?:something|anything|some)|"
                    + "suggest(?:\\s+me)?\\s+(?:something|anything)|what\\s+should\\s+i\\s+(?:listen\\s+to|hear|play)(?:\\s+next)?|"
                    + "surprise\\s+me|personali[sz]ed|(?:my|personal)\\s+recommendations?)\\b", (m, d) -> d.forMe = true),
            zh("给我推荐|推荐给我|为我推荐|帮我推荐|适合我的?|我的口味|猜我喜欢|推荐(?:一些|几个|点|一下|一个)", (m, d) -> d.forMe = true),

            // A title not quoted nor capitalised, now that the conditions are out of the way.
            rule(LIKE_AFTER_A_NOUN + "\\s+(?!(?:that|this|it|those|these|them)\\b)([^|,;.!?]{1,100}?)(?=\\s+(?:but|about|except|"
                    + "though|although|only|that|which|on\\s+the\\s+topic)\\b|\\s*[|,;.!?]|$)", (m, d) -> d.likeTitle(m.group(1))),
            zh("类似于?\\s*([^|,;.!?。、的]{1,40}?)\\s*(?:一样|那样|差不多|相似)?的", (m, d) -> d.likeTitle(m.group(1))),
            zh("(?:像|和|跟|与)\\s*([^|,;.!?。、的]{1,40}?)\\s*(?:一样|那样|差不多|相似|类似)的?", (m, d) -> d.likeTitle(m.group(1))));

    private static boolean range(MatchResult m, RequestDraft d) {
        Integer to = seconds(m.group(2));
        if (to == null) {
            return false;
        }
        String from = m.group(1);
        Integer fromSeconds = seconds(from);
        if (fromSeconds == null) { // a plain number takes the unit of the second amount
            fromSeconds = capped(number(from) * (inHours(m.group(2)) ? 3600 : 60));
        }
        return d.atLeast(Math.min(fromSeconds, to)) && d.atMost(Math.max(fromSeconds, to));
    }

    private static long days(double count, String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        int perUnit = u.startsWith("week") || u.equals("周") || u.equals("星期") ? 7
                : u.startsWith("month") || u.equals("月") ? 30
                : u.startsWith("year") || u.equals("年") ? 365 : 1;
        return Math.max(1, Math.round(Math.min(count, 100_000) * perUnit));
    }
}
