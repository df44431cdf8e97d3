package org.wavelength.web.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.wavelength.core.port.SubscriptionRequests;

/**
 * {@link SubscriptionRequests} in the table subscription_request (V14). A request made twice is one row (the
 * second insert is skipped); {@link #take} deletes, and only the caller whose delete removed the row fulfils it.
 */
@ApplicationScoped
public class JpaSubscriptionRequests implements SubscriptionRequests {

    private final EntityManager em;

    public JpaSubscriptionRequests(EntityManager em) {
        this.em = em;
    }

    @Override
    public void request(long userId, long feedId, Instant at) {
        QuarkusTransaction.joiningExisting().run(() -> em.createNativeQuery(
                "insert into subscription_request (user_id, feed_id, requested_at) select ?1, ?2, ?3"
                        + " where not exists (select 1 from subscription_request where user_id = ?1 and feed_id = ?2)")
                .setParameter(1, userId).setParameter(2, feedId).setParameter(3, Timestamp.from(at)).executeUpdate());
    }

    @Override
    public List<Ready> ready(int limit) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select r.user_id, r.feed_id, p.id from subscription_request r"
                    + " join podcast p on p.feed_id = r.feed_id order by r.requested_at").setMaxResults(limit).getResultList();
            return rows.stream().map(row -> new Ready(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                    ((Number) row[2]).longValue())).toList();
        });
    }

    @Override
    public boolean take(long userId, long feedId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "delete from subscription_request where user_id = ?1 and feed_id = ?2")
                .setParameter(1, userId).setParameter(2, feedId).executeUpdate() == 1);
    }
}
