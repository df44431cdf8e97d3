package org.wavelength.web.rest.gpodder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.wavelength.core.domain.InvalidInputException;

/**
 * Podcast apps send JSON with whatever content type their HTTP library sets (gPodder's sends
 * application/x-www-form-urlencoded), so the sync resources read the body themselves.
 */
final class SyncBodies {

    private SyncBodies() {
    }

    static <T> T read(ObjectMapper json, String body, Class<T> type, String example) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("Send a JSON body such as " + example + ".");
        }
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("The body is not the JSON expected (such as " + example + "): "
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ".");
        }
    }

    static <T> T read(ObjectMapper json, String body, com.fasterxml.jackson.core.type.TypeReference<T> type, String example) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("Send a JSON body such as " + example + ".");
        }
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("The body is not the JSON expected (such as " + example + "): "
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ".");
        }
    }
}
