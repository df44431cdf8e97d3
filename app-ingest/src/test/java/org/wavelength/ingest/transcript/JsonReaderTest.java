package org.wavelength.ingest.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

    @Test
    void readsAllKindsOfValues() throws Exception {
        Object value = JsonReader.parse(" {\"a\": [1, -2.5e1, 0.25, true, false, null], \"s\": \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\","
                + " \"o\": {}, \"e\": [], \"a\": \"last wins\"} ");

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", "last wins");
        expected.put("s", "\"\\/\b\f\n\r\té😀");
        expected.put("o", Map.of());
        expected.put("e", List.of());
        assertThat(value).isEqualTo(expected);
        assertThat(JsonReader.parse("[1, -2.5e1, 0.25, true, false, null]"))
                .isEqualTo(Arrays.asList(1.0, -25.0, 0.25, true, false, null));
        assertThat(JsonReader.parse("\"x\"")).isEqualTo("x");
    }

    @Test
    void rejectsWhatRfc8259Rejects() {
        for (String invalid : List.of("", "{", "{\"a\":1,}", "[1,]", "{'a':1}", "{a:1}", "[01]", "[1.]", "[.5]", "[+1]",
                "[NaN]", "[1e]", "\"tab\there\"", "\"\\x\"", "\"\\u12\"", "[1] [2]", "// comment\n{}", "[tru]", "[1e999]")) {
            assertThatThrownBy(() -> JsonReader.parse(invalid)).as(invalid).isInstanceOf(JsonReader.SyntaxException.class);
        }
    }

    @Test
    void saysWhereTheErrorIs() {
        assertThatThrownBy(() -> JsonReader.parse("{\n  \"a\": 1\n  \"b\": 2\n}"))
                .hasMessage("expected ',' or '}' after a member (line 3, column 3)");
    }

    @Test
    void limitsNesting() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertThatThrownBy(() -> JsonReader.parse(deep)).hasMessageStartingWith("the values are nested more than 128 levels deep");
        assertThat(catchNothing("[".repeat(100) + "]".repeat(100))).isTrue();
    }

    private static boolean catchNothing(String json) {
        try {
            JsonReader.parse(json);
            return true;
        } catch (JsonReader.SyntaxException e) {
            return false;
        }
    }
}
