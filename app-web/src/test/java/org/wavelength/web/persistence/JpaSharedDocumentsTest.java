package org.wavelength.web.persistence;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.wavelength.core.port.SharedDocuments;
import org.wavelength.core.port.SharedDocumentsContract;

/** The database's shared documents, on H2 here and on PostgreSQL in the PostgreSQL run. */
@QuarkusTest
class JpaSharedDocumentsTest extends SharedDocumentsContract {

    @Inject
    JpaSharedDocuments documents;

    @Override
    protected SharedDocuments documents() {
        return documents;
    }
}
