package org.wavelength.web.vector.lucene;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.wavelength.core.port.VectorStore;
import org.wavelength.core.port.VectorStoreContract;

/** The vector store contract, on the embedded Lucene store in a fresh folder per test. */
class LuceneVectorStoreContractTest extends VectorStoreContract {

    @TempDir
    Path folder;

    private LuceneVectorStore store;

    @BeforeEach
    void open() {
        store = new LuceneVectorStore(folder);
    }

    @AfterEach
    void close() throws IOException {
        store.close();
    }

    @Override
    protected VectorStore store() {
        return store;
    }

    @Override
    protected boolean supportsKeyword() {
        return true;
    }
}
