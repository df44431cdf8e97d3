package org.wavelength.core.port;

/** The fake the core's tests run on passes the contract of the real stores. */
class InMemoryVectorStoreContractTest extends VectorStoreContract {

    private final InMemoryVectorStore store = new InMemoryVectorStore();

    @Override
    protected VectorStore store() {
        return store;
    }

    @Override
    protected boolean supportsKeyword() {
        return true;
    }
}
