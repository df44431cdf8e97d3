package org.wavelength.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Small documents that every web replica must see alike, each under a kind and a key, each expiring: a chat
 * conversation, the language model's memory of it, an asker's hourly allowance. Kept where the catalogue is
 * (the database), so that behind a round-robin proxy any replica can answer any request.
 */
public interface SharedDocuments {

    /** What a change leaves: the new document and when it expires, or {@link #DELETE}. */
    record Change(String document, Instant expiresAt) {

        public static final Change DELETE = new Change(null, null);

        public Change {
            if (document != null && expiresAt == null) {
                throw new IllegalArgumentException("A shared document needs an expiry");
            }
        }
    }

    /** The document, unless absent or expired at {@code now}. Reading does not count as use. */
    Optional<String> read(String kind, String key, Instant now);

    /**
     * Reads, changes and writes one document as one step for every replica: {@code change} gets the current
     * document (empty when absent or expired) and says what it becomes. Two replicas changing one document at
     * once are serialised; {@code change} may run more than once, so it must only compute. Returns what it
     * left.
     */
    Optional<String> update(String kind, String key, Instant now, Function<Optional<String>, Change> change);

    /**
     * Deletes the documents of the kind that expired at {@code now} and, past {@code capacity}, those changed
     * least recently. Returns the keys let go.
     */
    List<String> prune(String kind, int capacity, Instant now);
}
