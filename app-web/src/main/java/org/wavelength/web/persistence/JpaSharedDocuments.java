package org.wavelength.web.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.wavelength.core.port.SharedDocuments;

/**
 * {@link SharedDocuments} in the database. A change reads its row locked ({@code select … for update}), so that
 * replicas changing one document take turns; when two replicas create the same document at once, the
 * second's insert breaks the primary key, and it reads the first's row (locked) and changes that instead.
 */
@ApplicationScoped
public class JpaSharedDocuments implements SharedDocuments {

    /** Creations lost to another replica's in a row before giving up: more would mean a fault, not a race. */
    private static final int ATTEMPTS = 4;

    /** The SQL state of a broken unique or primary key, in PostgreSQL and in H2. */
    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public Optional<String> read(String kind, String key, Instant now) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            SharedDocumentEntity row = SharedDocumentEntity.findById(new SharedDocumentEntity.Key(kind, key));
            return row == null || row.expiredAt(now) ? Optional.<String>empty() : Optional.of(row.body);
        });
    }

    @Override
    public Optional<String> update(String kind, String key, Instant now, Function<Optional<String>, Change> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                // Its own transaction: the lock is held only while this one document changes.
                return QuarkusTransaction.requiringNew().call(() -> updateOnce(new SharedDocumentEntity.Key(kind, key), now, change));
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !brokeUniqueKey(e)) {
                    throw e;
                }
            }
        }
    }

    private static Optional<String> updateOnce(SharedDocumentEntity.Key id, Instant now, Function<Optional<String>, Change> change) {
        SharedDocumentEntity row = SharedDocumentEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        Optional<String> current = row == null || row.expiredAt(now) ? Optional.empty() : Optional.of(row.body);
        Change next = change.apply(current);
        if (next.document() == null) {
            if (row != null) {
                row.delete();
            }
            return Optional.empty();
        }
        if (row == null) {
            row = new SharedDocumentEntity();
            row.id = id;
            row.body = next.document();
            row.updatedAt = now;
            row.expiresAt = next.expiresAt();
            row.persistAndFlush(); // a creation lost to another replica fails here, inside the attempt
        } else {
            row.body = next.document();
            row.updatedAt = now;
            row.expiresAt = next.expiresAt();
        }
        return Optional.of(next.document());
    }

    @Override
    public List<String> prune(String kind, int capacity, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> gone = new ArrayList<>(SharedDocumentEntity.<SharedDocumentEntity>list(
                    "id.kind = ?1 and expiresAt <= ?2", kind, now).stream().map(row -> row.id.key()).toList());
            SharedDocumentEntity.delete("id.kind = ?1 and expiresAt <= ?2", kind, now);
            long over = SharedDocumentEntity.count("id.kind", kind) - capacity;
            if (over > 0) {
                List<SharedDocumentEntity> oldest = SharedDocumentEntity.<SharedDocumentEntity>find(
                        "id.kind = ?1 order by updatedAt, id.key", kind).page(0, (int) Math.min(over, Integer.MAX_VALUE)).list();
                oldest.forEach(row -> {
                    gone.add(row.id.key());
                    row.delete();
                });
            }
            return gone;
        });
    }

    /** Expired documents of every kind, read by no one, go in the background (an asker's allowance, say). */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteExpired() {
        QuarkusTransaction.requiringNew().run(() -> SharedDocumentEntity.delete("expiresAt <= ?1", Instant.now()));
    }

    static boolean brokeUniqueKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
