package org.wavelength.web.benchmark;

import java.io.*;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import org.wavelength.core.port.Embedder;
import org.wavelength.core.port.Embedders;

/** SCRATCH: never commit. Embeddings cached on disk by model and text. */
final class ScratchCache implements Embedders, AutoCloseable {
    final Embedders inner;
    final Path file;
    final Map<String, float[]> cache;

    @SuppressWarnings("unchecked")
    ScratchCache(Embedders inner, Path file) throws Exception {
        this.inner = inner;
        this.file = file;
        Map<String, float[]> loaded = new ConcurrentHashMap<>();
        if (Files.exists(file)) {
            try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                loaded.putAll((Map<String, float[]>) in.readObject());
            }
        }
        cache = loaded;
    }

    public Embedder forSegment(String segment) { return wrap(inner.forSegment(segment)); }
    public Embedder forModel(String id) { return wrap(inner.forModel(id)); }

    Embedder wrap(Embedder e) {
        return new Embedder() {
            public List<float[]> embedAll(List<String> texts) {
                List<String> missing = texts.stream().filter(t -> !cache.containsKey(e.modelName() + "\u0000" + t)).distinct().toList();
                if (!missing.isEmpty()) {
                    List<float[]> v = e.embedAll(missing);
                    for (int i = 0; i < missing.size(); i++) cache.put(e.modelName() + "\u0000" + missing.get(i), v.get(i));
                }
                return texts.stream().map(t -> cache.get(e.modelName() + "\u0000" + t).clone()).toList();
            }
            public String modelName() { return e.modelName(); }
            public int dimension() { return e.dimension(); }
        };
    }

    public void close() throws Exception {
        try (ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeObject(new HashMap<>(cache));
        }
    }
}
