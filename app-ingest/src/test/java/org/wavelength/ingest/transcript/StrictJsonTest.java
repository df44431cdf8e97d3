package org.wavelength.ingest.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    private static JsonNode read(String json) {
        return StrictJson.read(json, "test file", null);
    }

    @Test
    void readsAllKindsOfValues() {
        JsonNode value = read(" {\"a\": [1, -2.5e1, 0.25, true, false, null], \"s\": \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\","
                + " \"o\": {}, \"e\": [], \"a\": \"last wins\"} ");

        assertThat(value.get("a").textValue()).isEqualTo("last wins");
        assertThat(value.get("s").textValue()).isEqualTo("\"\\/\b\f\n\r\té😀");
        assertThat(value.get("o").isObject() && value.get("o").isEmpty()).isTrue();
        assertThat(value.get("e").isArray() && value.get("e").isEmpty()).isTrue();
        assertThat(value.size()).isEqualTo(4);
        JsonNode array = read("[1, -2.5e1, 0.25, true, false, null]");
        assertThat(List.of(array.get(0).doubleValue(), array.get(1).doubleValue(), array.get(2).doubleValue()))
                .containsExactly(1.0, -25.0, 0.25);
        assertThat(List.of(array.get(3).isBoolean() && array.get(3).booleanValue(),
                array.get(4).isBoolean() && !array.get(4).booleanValue(), array.get(5).isNull())).containsOnly(true);
        assertThat(read("\"x\"").textValue()).isEqualTo("x");
    }

    @Test
    void rejectsWhatRfc8259Rejects() {
        for (String invalid : List.of("", " ", "{", "{\"a\":1,}", "[1,]", "{'a':1}", "{a:1}", "[01]", "[1.]", "[.5]", "[+1]",
                "[1e]", "\"tab\there\"", "\"\\x\"", "\"\\u12\"", "// comment\n{}", "[tru]")) {
            assertThatThrownBy(() -> read(invalid)).as(invalid)
                    .isInstanceOf(TranscriptException.class)
                    .hasMessageStartingWith("The test file is not valid JSON: ");
        }
    }

    @Test
    void rejectsAnythingAfterTheValue() {
        for (String trailing : List.of("[1] [2]", "{} {}", "{\"a\": 1} \"x\"", "1 2")) {
            assertThatThrownBy(() -> read(trailing)).as(trailing)
                    .isInstanceOf(TranscriptException.class)
                    .hasMessageContaining("Trailing token");
        }
        assertThatCode(() -> read("[1] \n\t ")).doesNotThrowAnyException();
    }

    @Test
    void rejectsNumbersThatAreNotFinite() {
        for (String nonFinite : List.of("[NaN]", "[Infinity]", "[-Infinity]", "{\"startTime\": NaN}")) {
            assertThatThrownBy(() -> read(nonFinite)).as(nonFinite).isInstanceOf(TranscriptException.class)
                    .hasMessageStartingWith("The test file is not valid JSON: ");
        }
        // valid JSON grammar, but too large for a double: Jackson alone would read Infinity
        for (String overflowing : List.of("[1e999]", "{\"segments\": [{\"startTime\": -1e999}]}", "1" + "0".repeat(400))) {
            assertThatThrownBy(() -> read(overflowing)).as(overflowing)
                    .isInstanceOf(TranscriptException.class)
                    .hasMessage("The test file is not valid JSON: a number is too large.");
        }
        assertThat(read("[1e308]").get(0).doubleValue()).isEqualTo(1e308);
    }

    @Test
    void saysWhereTheErrorIs() {
        assertThatThrownBy(() -> StrictJson.read("{\n  \"a\": 1\n  \"b\": 2\n}", "JSON transcript", "https://e.com/t.json"))
                .isInstanceOf(TranscriptException.class)
                .hasMessageStartingWith("The JSON transcript at https://e.com/t.json is not valid JSON: ")
                .hasMessageEndingWith(" (line 3, column 3).")
                .hasCauseInstanceOf(JsonProcessingException.class);
    }

    @Test
    void limitsNesting() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertThatThrownBy(() -> read(deep)).isInstanceOf(TranscriptException.class)
                .hasMessageContaining("exceeds the maximum allowed (" + StrictJson.MAX_NESTING_DEPTH);
        String justTooDeep = "{\"a\":".repeat(StrictJson.MAX_NESTING_DEPTH + 1) + "1" + "}".repeat(StrictJson.MAX_NESTING_DEPTH + 1);
        assertThatThrownBy(() -> read(justTooDeep)).isInstanceOf(TranscriptException.class)
                .hasMessageContaining("Document nesting depth");
        String deepestAllowed = "[".repeat(StrictJson.MAX_NESTING_DEPTH) + "]".repeat(StrictJson.MAX_NESTING_DEPTH);
        assertThatCode(() -> read(deepestAllowed)).doesNotThrowAnyException();
    }
}
