package org.wavelength.core.port;

import java.util.concurrent.atomic.AtomicInteger;

/** The fake the core's tests run on passes the contract of the real stores. */
class InMemoryVectorStoreContractTest extends VectorStoreContract {

    private final InMemoryVectorStore store = new InMemoryVectorStore();
    private final AtomicInteger names = new AtomicInteger();

    @Override
    protected VectorStore store() {
        return store;
    }

    @Override
    protected String newCollectionName() {
        return "contract-" + names.incrementAndGet();
    }

    @Override
    protected boolean supportsKeyword() {
        return true;
    }
}
