package org.wavelength.web.vector.lucene;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.lucene.util.IOUtils;

/**
 * The aliases of a store, in {@code folder/aliases.properties}. A switch rewrites the whole file into
 * a temporary one, fsyncs it and moves it over the old one with {@code ATOMIC_MOVE}, so that a crash
 * leaves the old aliases or the new ones; in memory they are an immutable map in a volatile field,
 * replaced in one write, so that a reader sees the old or the new map, never a mix.
 */
final class LuceneAliases {

    static final String FILE = "aliases.properties";
    private static final String TEMPORARY = FILE + ".tmp";

    private final Path folder;
    private volatile Map<String, String> aliases;

    /** Reads the aliases of {@code folder}; none when it has no file yet. A switch a crash cut short is dropped. */
    LuceneAliases(Path folder) throws IOException {
        this.folder = folder;
        Files.deleteIfExists(folder.resolve(TEMPORARY));
        aliases = read(folder.resolve(FILE));
    }

    boolean isAlias(String name) {
        return aliases.containsKey(name);
    }

    Optional<String> target(String alias) {
        return Optional.ofNullable(aliases.get(alias));
    }

    /** The collection {@code name} names: its alias's target, or the name itself. */
    String resolve(String name) {
        return aliases.getOrDefault(name, name);
    }

    /** The aliases pointing at {@code collection}, sorted. */
    List<String> pointingAt(String collection) {
        return aliases.entrySet().stream().filter(e -> e.getValue().equals(collection)).map(Map.Entry::getKey)
                .sorted().toList();
    }

    /** Points {@code alias} at {@code collection}, durably (the file is switched before the map). */
    synchronized void set(String alias, String collection) throws IOException {
        Map<String, String> next = new TreeMap<>(aliases);
        next.put(alias, collection);
        write(next);
        aliases = Collections.unmodifiableMap(next);
    }

    private static Map<String, String> read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            return Map.of();
        }
        Map<String, String> map = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return Collections.unmodifiableMap(map);
    }

    private void write(Map<String, String> map) throws IOException {
        Path temporary = folder.resolve(TEMPORARY);
        StringBuilder text = new StringBuilder("# Vector store aliases: alias=collection\n");
        map.forEach((alias, collection) -> text.append(alias).append('=').append(collection).append('\n'));
        try (OutputStream out = Files.newOutputStream(temporary)) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        IOUtils.fsync(temporary, false);
        Files.move(temporary, folder.resolve(FILE), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        try {
            IOUtils.fsync(folder, true); // makes the move itself durable
        } catch (IOException e) {
            // Some platforms cannot fsync a directory; the move itself is atomic there.
        }
    }
}
