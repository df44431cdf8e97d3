package org.wavelength.ingest.fetch;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP answer as the fetcher uses it: status, the first value of each header, and the body (read
 * only for 2xx answers, within the size limit; empty otherwise).
 */
record Answer(int statusCode, Map<String, String> headers, byte[] body) {

    Answer {
        headers = Map.copyOf(headers);
    }

    /** The first value of the header, whatever the case of its name. */
    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
