package org.wavelength.core.assistant;

import static org.wavelength.core.assistant.Phrases.FLAGS;
import static org.wavelength.core.assistant.Phrases.alternation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts of time as listeners write them, in English ("half an hour", "1h30", "twenty minutes")
 * and in Chinese (半小时, 三十分钟): the patterns that find them in a request, and their seconds.
 */
final class SpokenAmounts {

    /** Longer amounts of time are read as this much: no episode is longer, and the arithmetic stays in range. */
    static final int MAX_SECONDS = 1000 * 3600;

    private SpokenAmounts() {
    }

    private static final Map<String, Integer> NUMBER_WORDS = numberWords();

    private static Map<String, Integer> numberWords() {
        Map<String, Integer> words = new LinkedHashMap<>();
        String[] small = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"};
        for (int i = 0; i < small.length; i++) {
            words.put(small[i], i + 1);
        }
        words.putAll(Map.of("fifteen", 15, "twenty", 20, "thirty", 30, "forty", 40, "forty-five", 45, "forty five", 45,
                "fifty", 50, "sixty", 60, "ninety", 90));
        return words;
    }

    /** A number without "a"/"an": a bare "a minute" is rarely a wish about length. */
    static final String NUMBER = "(?:\\d{1,4}(?:\\.\\d{1,2})?|" + alternation(NUMBER_WORDS.keySet()) + ")";
    private static final String NUMBER_OR_A = "(?:" + NUMBER + "|an?)";
    private static final String HOURS_UNIT = "(?:hours?|hrs?|h)";
    private static final String MINUTES_UNIT = "(?:minutes?|mins?|m)";

    private static String amount(String number) {
        return "(?:half\\s+an?\\s+hour|(?:an?|one)\\s+hour\\s+and\\s+a\\s+half|"
                + number + "\\s*-?\\s*" + HOURS_UNIT + "(?:\\s*(?:and\\s+)?\\d{1,2}\\s*-?\\s*" + MINUTES_UNIT + "|\\d{2})?|"
                + number + "\\s*-?\\s*" + MINUTES_UNIT + ")\\b";
    }

    /** "30 minutes", "an hour", "1.5 hours", "1 hour 30 minutes", "1h30", "half an hour", "20-minute". */
    static final String AMOUNT = amount(NUMBER_OR_A);
    static final String BARE_AMOUNT = amount(NUMBER);
    private static final Pattern AMOUNT_PARTS = Pattern.compile("^(?:(" + NUMBER_OR_A + ")\\s*-?\\s*" + HOURS_UNIT
            + "(?:\\s*(?:and\\s+)?(\\d{1,2}))?|(" + NUMBER_OR_A + ")\\s*-?\\s*" + MINUTES_UNIT + ")", FLAGS);

    /** Seconds of an English amount of time, or null. */
    static Integer seconds(String amount) {
        String text = amount.strip().toLowerCase(Locale.ROOT);
        if (text.startsWith("half")) {
            return 30 * 60;
        }
        if (text.endsWith("and a half")) {
            return 90 * 60;
        }
        Matcher m = AMOUNT_PARTS.matcher(text);
        if (!m.find()) {
            return null;
        }
        double minutes = m.group(1) != null
                ? number(m.group(1)) * 60 + (m.group(2) == null ? 0 : Integer.parseInt(m.group(2)))
                : number(m.group(3));
        return capped(minutes * 60);
    }

    static int capped(double seconds) {
        return (int) Math.round(Math.min(seconds, MAX_SECONDS));
    }

    static double number(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (word.equals("a") || word.equals("an")) {
            return 1;
        }
        Integer value = NUMBER_WORDS.get(word);
        return value != null ? value : Double.parseDouble(word);
    }

    /** Whether an amount is counted in hours: a plain number before it ("between 1 and 2 hours") is too. */
    static boolean inHours(String amount) {
        return Pattern.compile(HOURS_UNIT + "\\b", FLAGS).matcher(amount).find();
    }

    static final String ZH_NUMBER = "(?:\\d{1,4}(?:\\.\\d{1,2})?|[一二两三四五六七八九十百]{1,4})";
    /** 30分钟, 三十分钟, 半小时, 一个半小时, 两个小时, 1小时30分钟. */
    static final String ZH_AMOUNT = "(?:(?:" + ZH_NUMBER + ")?个?半个?(?:小时|钟头)|" + ZH_NUMBER
            + "\\s*个?\\s*(?:小时|钟头)(?:\\s*" + ZH_NUMBER + "\\s*分钟?)?|" + ZH_NUMBER + "\\s*分钟)";
    private static final Pattern ZH_AMOUNT_PARTS = Pattern.compile("^(?:(" + ZH_NUMBER + ")?\\s*个?\\s*(半)?\\s*个?\\s*(?:小时|钟头)"
            + "(?:\\s*(" + ZH_NUMBER + ")\\s*分钟?)?|(" + ZH_NUMBER + ")\\s*分钟)", FLAGS);

    /** Seconds of a Chinese amount of time, or null. */
    static Integer chineseSeconds(String amount) {
        Matcher m = ZH_AMOUNT_PARTS.matcher(amount.strip());
        if (!m.find()) {
            return null;
        }
        if (m.group(4) != null) {
            return capped(chineseNumber(m.group(4)) * 60);
        }
        double hours = (m.group(1) == null ? 0 : chineseNumber(m.group(1))) + (m.group(2) == null ? 0 : 0.5);
        double minutes = m.group(3) == null ? 0 : chineseNumber(m.group(3));
        return capped(hours * 3600 + minutes * 60);
    }

    /** Digits, or Chinese numerals up to the hundreds: 两 = 2, 十五 = 15, 三十 = 30, 二十五 = 25. */
    static double chineseNumber(String text) {
        if (Character.isDigit(text.charAt(0))) {
            return Double.parseDouble(text);
        }
        String digits = "零一二三四五六七八九";
        int total = 0;
        int current = 0;
        for (char c : text.toCharArray()) {
            if (c == '两') {
                current = 2;
            } else if (c == '十' || c == '百') {
                total += (current == 0 ? 1 : current) * (c == '十' ? 10 : 100);
                current = 0;
            } else {
                current = Math.max(0, digits.indexOf(c));
            }
        }
        return total + current;
    }
}
