package org.wavelength.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Chinese bundles against the English ones: a new message cannot go without its translation
 * (Qute would quietly show the English), nor a translation name a parameter the message lacks.
 */
class MessagesTest {

    /** A value expression at the start of a {...}: {name}, {name.size}, {name ?: 'x'}; not {#if}, {/if}, {! !}. */
    static final Pattern PARAMETER = Pattern.compile("\\{([a-zA-Z_]\\w*)");

    /** Each bundle of the pages and its Chinese file. */
    static final Map<Class<?>, String> BUNDLES = Map.of(AppMessages.class, "/messages/msg_zh.properties",
            BrowseMessages.class, "/messages/browse_zh.properties");

    static Properties chinese(Class<?> bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(BUNDLES.get(bundle))) {
            assertThat(in).as(BUNDLES.get(bundle)).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    static Set<String> keys(Class<?> bundle) {
        return Arrays.stream(bundle.getDeclaredMethods()).map(Method::getName).collect(Collectors.toSet());
    }

    @Test
    void everyMessageIsTranslatedAndNothingElse() throws IOException {
        for (Class<?> bundle : BUNDLES.keySet()) {
            assertThat(chinese(bundle).stringPropertyNames()).as(bundle.getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(keys(bundle));
        }
    }

    @Test
    void translationsAreNotBlankAndUseOnlyTheirMessagesParameters() throws IOException {
        for (Class<?> bundle : BUNDLES.keySet()) {
            Properties zh = chinese(bundle);
            for (Method method : bundle.getDeclaredMethods()) {
                String value = zh.getProperty(method.getName(), "");
                assertThat(value).as(method.getName()).isNotBlank();
                Set<String> parameters = Arrays.stream(method.getParameters()).map(Parameter::getName).collect(Collectors.toSet());
                Matcher used = PARAMETER.matcher(value);
                while (used.find()) {
                    assertThat(parameters).as(method.getName() + " uses {" + used.group(1) + "}").contains(used.group(1));
                }
            }
        }
    }

    @Test
    void theChineseReadsAsChinese() throws IOException {
        // A key copied over untranslated would pass the other checks.
        for (Class<?> bundle : BUNDLES.keySet()) {
            Properties zh = chinese(bundle);
            Set<String> untranslated = zh.stringPropertyNames().stream()
                    .filter(key -> zh.getProperty(key).codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                    .collect(Collectors.toSet());
            assertThat(untranslated).as(bundle.getSimpleName()).isEmpty();
        }
    }
}
