package org.wavelength.web.vector.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alias file: switched whole, read back after a restart, a cut-short switch forgotten. */
class LuceneAliasesTest {

    @TempDir
    Path folder;

    @Test
    void aSwitchIsInTheFileBeforeItIsAnswered() throws IOException {
        LuceneAliases aliases = new LuceneAliases(folder);
        assertThat(aliases.target("podcasts")).isEmpty();

        aliases.set("podcasts", "blue");
        aliases.set("archive", "blue");
        aliases.set("podcasts", "green");

        assertThat(aliases.target("podcasts")).contains("green");
        assertThat(aliases.pointingAt("blue")).containsExactly("archive");
        LuceneAliases reread = new LuceneAliases(folder);
        assertThat(reread.resolve("podcasts")).isEqualTo("green");
        assertThat(reread.resolve("archive")).isEqualTo("blue");
        assertThat(reread.resolve("green")).isEqualTo("green");
        assertThat(reread.isAlias("green")).isFalse();
        assertThat(folder.resolve(LuceneAliases.FILE + ".tmp")).doesNotExist();
    }

    @Test
    void aSwitchACrashCutShortIsForgotten() throws IOException {
        new LuceneAliases(folder).set("podcasts", "blue");
        // The crash came after the temporary file was written and before the move.
        Files.writeString(folder.resolve(LuceneAliases.FILE + ".tmp"), "podcasts=green\n");

        LuceneAliases afterTheCrash = new LuceneAliases(folder);

        assertThat(afterTheCrash.target("podcasts")).contains("blue");
        assertThat(folder.resolve(LuceneAliases.FILE + ".tmp")).doesNotExist();
    }
}
