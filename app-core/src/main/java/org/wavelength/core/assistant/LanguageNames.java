package org.wavelength.core.assistant;

import static org.wavelength.core.assistant.Phrases.alternation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.wavelength.core.domain.Segments;

/** Names of languages a request may use, in English and in Chinese, each with the segment it means. */
final class LanguageNames {

    static final Map<String, String> ENGLISH = new LinkedHashMap<>();
    static final Map<String, String> CHINESE = new LinkedHashMap<>();

    static {
        for (String code : Locale.getISOLanguages()) {
            Locale locale = new Locale(code);
            if (!locale.getLanguage().equals(code)) {
                continue; // an old code ("iw" for Hebrew): the current one is listed too
            }
            String segment = Segments.of(code);
            String english = locale.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (english.matches("[\\p{L} ]{3,}")) {
                ENGLISH.putIfAbsent(english, segment);
            }
            String chinese = locale.getDisplayLanguage(Locale.CHINESE);
            if (chinese.matches("\\p{IsHan}{2,}")) {
                CHINESE.putIfAbsent(chinese, segment);
                if (chinese.endsWith("语")) { // 法语 is also written 法文
                    CHINESE.putIfAbsent(chinese.substring(0, chinese.length() - 1) + "文", segment);
                }
            }
        }
        Map.of("mandarin", "zh", "cantonese", "zh", "putonghua", "zh", "farsi", "fa", "bengali", "bn", "flemish", "nl")
                .forEach(ENGLISH::putIfAbsent);
        Map.of("汉语", "zh", "普通话", "zh", "国语", "zh", "华语", "zh", "粤语", "zh", "中国话", "zh", "日本语", "ja",
                "韩国语", "ko").forEach(CHINESE::putIfAbsent);
    }

    /** Any English name, as a capturing group. */
    static final String ENGLISH_PATTERN = "(" + alternation(ENGLISH.keySet()) + ")";

    private LanguageNames() {
    }
}
