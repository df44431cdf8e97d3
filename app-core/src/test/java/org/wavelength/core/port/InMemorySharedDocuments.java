package org.wavelength.core.port;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** {@link SharedDocuments} in one map, for tests of what is built on them; {@code SharedDocumentsContract} checks both. */
public final class InMemorySharedDocuments implements SharedDocuments {

    private record Stored(String document, Instant updatedAt, Instant expiresAt) {
    }

    private final Map<String, Map<String, Stored>> kinds = new HashMap<>();

    @Override
    public synchronized Optional<String> read(String kind, String key, Instant now) {
        Stored stored = kinds.getOrDefault(kind, Map.of()).get(key);
        return stored == null || !stored.expiresAt().isAfter(now) ? Optional.empty() : Optional.of(stored.document());
    }

    @Override
    public synchronized Optional<String> update(String kind, String key, Instant now, Function<Optional<String>, Change> change) {
        Change next = change.apply(read(kind, key, now));
        Map<String, Stored> documents = kinds.computeIfAbsent(kind, k -> new HashMap<>());
        if (next.document() == null) {
            documents.remove(key);
            return Optional.empty();
        }
        documents.put(key, new Stored(next.document(), now, next.expiresAt()));
        return Optional.of(next.document());
    }

    @Override
    public synchronized List<String> prune(String kind, int capacity, Instant now) {
        Map<String, Stored> documents = kinds.getOrDefault(kind, new HashMap<>());
        List<String> gone = new ArrayList<>(documents.entrySet().stream()
                .filter(e -> !e.getValue().expiresAt().isAfter(now)).map(Map.Entry::getKey).sorted().toList());
        gone.forEach(documents::remove);
        documents.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Stored> e) -> e.getValue().updatedAt()).thenComparing(Map.Entry::getKey))
                .limit(Math.max(0, documents.size() - capacity)).map(Map.Entry::getKey).toList()
                .forEach(key -> {
                    documents.remove(key);
                    gone.add(key);
                });
        return gone;
    }
}
