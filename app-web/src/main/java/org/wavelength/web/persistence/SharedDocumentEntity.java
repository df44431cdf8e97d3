package org.wavelength.web.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One document of {@link JpaSharedDocuments}; see V10__shared_documents.sql. */
@Entity
@Table(name = "shared_document")
public class SharedDocumentEntity extends PanacheEntityBase {

    /** The kind and the key of a document. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "kind")
        public String kind;

        @Column(name = "doc_key")
        public String key;

        protected Key() {
        }

        public Key(String kind, String key) {
            this.kind = kind;
            this.key = key;
        }

        public String key() {
            return key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(kind, other.kind) && Objects.equals(key, other.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, key);
        }
    }

    @EmbeddedId
    public Key id;

    public String body;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
