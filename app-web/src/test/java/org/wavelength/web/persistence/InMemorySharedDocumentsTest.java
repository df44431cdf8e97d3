package org.wavelength.web.persistence;

import org.wavelength.core.port.SharedDocuments;
import org.wavelength.web.support.InMemorySharedDocuments;

/** The tests' stand-in keeps the same promises as the database. */
class InMemorySharedDocumentsTest extends SharedDocumentsContract {

    private final InMemorySharedDocuments documents = new InMemorySharedDocuments();

    @Override
    protected SharedDocuments documents() {
        return documents;
    }
}
