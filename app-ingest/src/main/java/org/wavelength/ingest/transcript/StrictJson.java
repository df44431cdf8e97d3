package org.wavelength.ingest.transcript;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.regex.Pattern;

/**
 * Reads the untrusted JSON of transcripts and chapters with Jackson, strictly (RFC 8259) and within
 * limits a hostile file cannot get past.
 *
 * <p>Strict means Jackson's defaults (no comments, trailing commas, single quotes, unquoted names,
 * leading zeros or NaN) plus nothing after the value and no number too large for a double, such as
 * {@code 1e999}. Nesting is limited so that a deep file cannot exhaust the stack. A repeated member
 * name keeps its last value.
 */
final class StrictJson {

    static final int MAX_NESTING_DEPTH = 128;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    // Jackson names where a bracket opened as "[Source: REDACTED (…); line: 1, column: 14]": noise to an admin
    private static final Pattern SOURCE_LOCATION = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]");

    private StrictJson() {
    }

    /**
     * The one JSON value that makes up {@code text} (whitespace around it allowed).
     *
     * @param what the kind of document, for the message ("JSON transcript")
     * @param url  where it came from, for the message; may be null
     * @throws TranscriptException whose message says what is wrong and where, when the text is not valid JSON
     */
    static JsonNode read(String text, String what, String url) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String problem = SOURCE_LOCATION.matcher(e.getOriginalMessage()).replaceAll("line $1, column $2");
            throw invalid(what, url, problem + where(e.getLocation()), e);
        }
        if (root.isMissingNode()) {
            throw invalid(what, url, "the text ends where a value was expected", null);
        }
        requireFiniteNumbers(root, what, url);
        return root;
    }

    /** Jackson reads 1e999 as Infinity rather than refusing it; a time of Infinity would poison every sum. */
    private static void requireFiniteNumbers(JsonNode node, String what, String url) {
        if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            throw invalid(what, url, "a number is too large", null);
        }
        for (JsonNode child : node) {
            requireFiniteNumbers(child, what, url);
        }
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static TranscriptException invalid(String what, String url, String problem, Throwable cause) {
        return new TranscriptException(TranscriptException.subject(what, url) + " is not valid JSON: " + problem + ".", cause);
    }
}
