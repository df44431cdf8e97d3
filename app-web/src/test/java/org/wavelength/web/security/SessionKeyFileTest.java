package org.wavelength.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionKeyFileTest {

    @TempDir
    Path dataDir;

    @Test
    void aKeyIsMadeOnceOwnerOnlyAndReusedOnTheNextStart() throws Exception {
        String first = SessionKeyFile.readOrCreate(dataDir.resolve("new"));
        Path file = dataDir.resolve("new").resolve(SessionKeyFile.NAME);
        assertThat(first).hasSizeGreaterThanOrEqualTo(43);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(SessionKeyFile.readOrCreate(dataDir.resolve("new"))).isEqualTo(first);
        assertThat(Files.list(dataDir.resolve("new"))).containsExactly(file);
        assertThat(SessionKeyFile.readOrCreate(dataDir.resolve("other"))).isNotEqualTo(first);
    }
}
