package org.wavelength.ingest.parse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared real test data (see its README), which clones of the project do not have. The folder
 * comes from {@code -Dwavelength.corpus} (or {@code -Dcorpus.dir}, as the parent pom passes it);
 * without it a test that needs it reports itself skipped, with the reason, instead of failing.
 */
final class Corpus {

    private Corpus() {
    }

    /** The corpus folder (the one holding {@code feeds/}), or a skipped test. */
    static Path folder() {
        // wavelength.corpus is the documented setting; corpus.dir is the name the parent pom passes on.
        String setting = System.getProperty("wavelength.corpus", System.getProperty("corpus.dir"));
        Assumptions.assumeTrue(setting != null && !setting.isBlank(),
                "Skipped: no corpus folder given; run with -Dwavelength.corpus=<path to shared/data> to parse the real feeds.");
        Path corpus = Path.of(setting).toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(corpus.resolve("feeds")),
                "Skipped: the corpus folder " + corpus + " (from -Dwavelength.corpus) does not exist or has no feeds/ folder.");
        return corpus;
    }

    /** A folder inside the corpus, or a skipped test when this copy of the corpus lacks it. */
    static Path folder(String relative) {
        Path folder = folder().resolve(relative);
        Assumptions.assumeTrue(Files.isDirectory(folder), "Skipped: the corpus has no " + relative + " folder.");
        return folder;
    }
}
