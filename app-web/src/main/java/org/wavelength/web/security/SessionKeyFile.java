package org.wavelength.web.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The key that seals sign-in cookies when none is configured: made once, at random, and kept in the data
 * directory readable by its owner only, so that a restart keeps everyone signed in and the key is never
 * written to the log.
 */
public final class SessionKeyFile {

    public static final String NAME = "session-key";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SessionKeyFile() {
    }

    /** The key kept in {@code dataDir}, made there first if there is none. */
    public static String readOrCreate(Path dataDir) {
        Path file = dataDir.resolve(NAME);
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            Files.createDirectories(dataDir);
            Path draft = Files.createTempFile(dataDir, NAME, ".new");
            try {
                restrict(draft);
                Files.writeString(draft, generate(), StandardCharsets.US_ASCII);
                // Two starts at once on one data directory: the first key moved in wins, the other start reads it.
                Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                // moved in by another start meanwhile
            } finally {
                Files.deleteIfExists(draft);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the sign-in key in " + file, e);
        }
    }

    private static String read(Path file) throws IOException {
        String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (key.length() < 32) {
            throw new IllegalStateException("The sign-in key in " + file + " is too short; delete the file to make a new one");
        }
        return key;
    }

    private static void restrict(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    static String generate() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
