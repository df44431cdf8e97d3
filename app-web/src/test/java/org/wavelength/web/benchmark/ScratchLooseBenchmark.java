package org.wavelength.web.benchmark;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.*;
import java.util.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wavelength.core.domain.*;
import org.wavelength.core.index.*;
import org.wavelength.core.search.CatalogueSearch;
import org.wavelength.core.search.CatalogueSearch.Ranking;
import org.wavelength.web.benchmark.LooseRecollections.Kind;
import org.wavelength.web.benchmark.PassageSearchBenchmark.*;
import org.wavelength.web.embedding.SegmentEmbedders;
import org.wavelength.web.vector.lucene.LuceneVectorStore;

/** SCRATCH: never commit. */
class ScratchLooseBenchmark {
    @TempDir Path folder;

    @Test
    void run() throws Exception {
        ChangelogCorpus changelog = ChangelogCorpus.read(Path.of("/work/shared/data/transcript-corpus/changelog"));
        try (SegmentEmbedders real = new SegmentEmbedders(new Config(Map.of("en", PassageSearchBenchmark.MODEL), PassageSearchBenchmark.MODEL), new SimpleMeterRegistry());
             ScratchCache embedders = new ScratchCache(real, Path.of("/tmp/ws-cache/emb.ser"));
             LuceneVectorStore store = new LuceneVectorStore(folder)) {
            SegmentedIndex index = new SegmentedIndex(store, embedders);
            IndexWrites writes = new IndexWrites(index, IndexWrites.Mode.BATCH, 256, lag -> { }, java.time.Clock.systemUTC());
            CatalogueIndexer indexer = new CatalogueIndexer(writes);
            long t0 = System.nanoTime();
            for (var entry : changelog.passagesByEpisode().entrySet()) {
                Episode episode = changelog.episodes().get(entry.getKey());
                indexer.indexPassages(changelog.podcasts().get(episode.podcastId()), episode, entry.getValue());
            }
            writes.flush();
            System.out.printf("indexed in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            List<Known> drawn = PassageSearchBenchmark.drawn(changelog);
            List<Known> heldOut = drawn.subList(0, 500);
            List<Known> tuning = drawn.subList(500, 1000);
            CatalogueSearch.Relevance rel = new CatalogueSearch.Relevance(Double.parseDouble(System.getProperty("scratch.p", "0.975")), Double.parseDouble(System.getProperty("scratch.c", "0.5")));
            CatalogueSearch search = new CatalogueSearch(PassageSearchBenchmark.catalogue(changelog.podcasts(), changelog.episodes(), changelog.passages()), index, rel);
            LooseRecollections loose = new LooseRecollections(changelog.passages().values().stream().map(Passage::text).toList());
            boolean held = Boolean.getBoolean("scratch.heldout");
            List<Known> set = held ? heldOut : tuning;
            long seed = held ? PassageSearchBenchmark.SEED : PassageSearchBenchmark.SEED + 1;
            List<Ranking> rankings = Arrays.stream(System.getProperty("scratch.rankings", "FUSED,KEYWORD").split(",")).map(Ranking::valueOf).toList();
            System.out.printf("%-28s", "kind"); rankings.forEach(r -> System.out.printf(" %9s", PassageSearchBenchmark.name(r).substring(0, Math.min(9, PassageSearchBenchmark.name(r).length())))); System.out.println("   ms");
            List<Asked> verb = set.stream().map(k -> new Asked(k.sentence(), k)).toList();
            line("verbatim", search, changelog, verb, rankings);
            List<Asked> all = new ArrayList<>();
            for (Kind kind : Kind.values()) {
                List<Asked> asked = new ArrayList<>();
                for (int i = 0; i < set.size(); i++) asked.add(new Asked(loose.of(kind, set.get(i).sentence(), seed * 1_000_003 + i), set.get(i)));
                all.addAll(asked);
                line(kind.label, search, changelog, asked, rankings);
                if (Boolean.getBoolean("scratch.examples")) {
                    Figures f = PassageSearchBenchmark.measure(search, changelog, asked, Ranking.FUSED);
                    asked.stream().filter(a -> f.missed().contains(a.known())).limit(4).forEach(a -> System.out.println("     MISS " + a.text() + "  <=  " + a.known().sentence()));
                }
            }
            line("all loose", search, changelog, all, rankings);
        }
    }

    static void line(String label, CatalogueSearch search, ChangelogCorpus c, List<Asked> asked, List<Ranking> rankings) {
        System.out.printf("%-28s", label);
        double ms = 0;
        for (Ranking r : rankings) {
            Figures f = PassageSearchBenchmark.measure(search, c, asked, r);
            System.out.printf(" %9.3f", f.mrr());
            if (r == Ranking.FUSED) ms = Arrays.stream(f.sortedMillis()).average().orElse(0);
        }
        System.out.printf("  %5.1f%n", ms);
    }
}
