package org.wavelength.core.port;


/** The tests' stand-in keeps the same promises as the database. */
class InMemorySharedDocumentsTest extends SharedDocumentsContract {

    private final InMemorySharedDocuments documents = new InMemorySharedDocuments();

    @Override
    protected SharedDocuments documents() {
        return documents;
    }
}
