package org.wavelength.core.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Passage;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.index.ItemTexts;
import org.wavelength.core.index.ReciprocalRankFusion;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.KeywordHit;
import org.wavelength.core.port.KeywordQuery;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.port.VectorHit;
import org.wavelength.core.port.VectorQuery;

/**
 * Search over podcasts, episodes and transcript passages. For each kind asked for and each language
 * segment searched, two rankings are made under the same filter: the items nearest to the query's
 * embedding (semantic, with the model of the collection serving the segment) and the best BM25
 * matches of its words (keyword). They are fused by reciprocal rank; the fused lists of all kinds and
 * segments are then merged by fused score (ties by cosine), and the best are read from the catalogue.
 *
 * <p>A query of {@value #MIN_PHRASE_WORDS} words or more that occurs word for word in a result's text
 * (a quote a listener remembers) is a third ranking: the results that hold it, in fused order, are
 * fused in too. Without it, the passage of a quoted sentence came first for 64% of quotes against 98%
 * for BM25 alone: passages close in meaning that share a few of its words outranked it, because the
 * semantic ranking of one sentence against whole passages is weak ({@code PassageSearchBenchmark}).
 * A paraphrase holds no such phrase and is not affected.
 *
 * <p>Segments: the one of the filter's language when it has one (by primary subtag, so "en" finds
 * "en-US" content too; the filter's language is not matched exactly), else every segment that has a
 * serving collection. Items deleted from the catalogue since they were indexed are left out.
 */
public class CatalogueSearch {

    /**
     * Items each ranking contributes before fusion, at least. An item ranked below 50 adds less than
     * 1 / 110 to its score, too little to lift it into a first page of results.
     */
    static final int MIN_CANDIDATES = 50;

    /** Shorter queries are keywords: three words in a row ("the history of") say little. */
    static final int MIN_PHRASE_WORDS = 4;

    /** Results read from the catalogue at least, so that the phrase is looked for beyond a small limit. */
    static final int MIN_HYDRATED = 20;

    /**
     * Passages, remembered loosely (a few words, in another order, one misspelt): the semantic ranking of a
     * short query against a long passage is weak, so it weighs little; the passages that hold the query's
     * words said together ({@link KeywordHit#nearCoverage}) are a third ranking that weighs most; a misspelt
     * word is looked for one edit away. Chosen on the tuning half of {@code PassageSearchBenchmark}'s loose
     * recollections (semantic weight 1, 0.3, 0.1 by near-words weight 0, 1, 2, 3, by near or whole coverage:
     * loose MRR 0.552 with neither, 0.923 with these; verbatim 1.000); podcasts and episodes keep weight 1
     * and plain BM25.
     */
    static final double PASSAGE_SEMANTIC_WEIGHT = 0.1;
    static final double PASSAGE_NEAR_WEIGHT = 3;

    /** The kinds a search can return; user vectors are not content. */
    public static final Set<ItemKind> SEARCHABLE = Set.copyOf(EnumSet.of(ItemKind.PODCAST, ItemKind.EPISODE,
            ItemKind.PASSAGE));

    /**
     * How results are ranked: both rankings and the exact phrase fused (the product); for evaluation,
     * both without the phrase, or one ranking alone.
     */
    public enum Ranking { FUSED, FUSED_WITHOUT_PHRASE, SEMANTIC, KEYWORD }

    /**
     * What to search for. {@code kinds} empty or null means all of {@link #SEARCHABLE};
     * {@code filter}'s kind is ignored (each kind is searched in turn) and its language picks the
     * segment. Durations and {@code publishedAfter} leave podcasts out, which have neither.
     */
    public record Query(String text, Set<ItemKind> kinds, VectorFilter filter, int limit, Ranking ranking) {

        public Query {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("A search needs some text");
            }
            kinds = kinds == null || kinds.isEmpty() ? SEARCHABLE : Set.copyOf(kinds);
            if (!SEARCHABLE.containsAll(kinds)) {
                throw new IllegalArgumentException("Only podcasts, episodes and passages can be searched, not " + kinds);
            }
            filter = filter == null ? VectorFilter.ALL : filter;
            if (limit < 1) {
                throw new IllegalArgumentException("A search returns at least one result, not " + limit);
            }
            ranking = ranking == null ? Ranking.FUSED : ranking;
        }

        public static Query of(String text, Set<ItemKind> kinds, VectorFilter filter, int limit) {
            return new Query(text, kinds, filter, limit, Ranking.FUSED);
        }

        public Query ranked(Ranking value) {
            return new Query(text, kinds, filter, limit, value);
        }
    }

    /**
     * A result, best first: its podcast always; its episode for episodes and passages; the passage
     * (text, speaker, start and end in seconds) for passages. {@code score} is the fused
     * reciprocal-rank score: higher is better, comparable within one search only. {@code matchedTerms}:
     * the query's terms the item's text holds, as keyword search found them (lower-case words, or pairs
     * of characters in Chinese, Japanese and Korean; a misspelt word as the text spells it); empty when
     * it matched on meaning alone or the store has no keyword search.
     */
    public record Hit(ItemKind kind, Podcast podcast, Episode episode, Passage passage, double score,
            List<String> matchedTerms) {

        public Hit {
            matchedTerms = List.copyOf(matchedTerms);
        }
    }

    /**
     * What a result must show to be kept (see the class comment): a cosine to the query above the
     * {@code percentile} of its segment's and kind's background ({@link SemanticFloor}), or keyword
     * matches carrying at least {@code coverage} of the query's weight ({@link KeywordHit#coverage}).
     * Zero switches a bar off; {@link #OFF} keeps every result, as search did before it had a floor.
     */
    public record Relevance(double percentile, double coverage) {

        public static final Relevance DEFAULT = new Relevance(0.975, 0.5);
        public static final Relevance OFF = new Relevance(0, 0);

        public Relevance {
            if (!(percentile >= 0 && percentile < 1) || !(coverage >= 0 && coverage <= 1)) {
                throw new IllegalArgumentException("A percentile in [0, 1) and a coverage in [0, 1], not "
                        + percentile + " and " + coverage);
            }
        }

        boolean keepsAll() {
            return percentile == 0 && coverage == 0;
        }
    }

    private final CatalogueStore catalogue;
    private final SegmentedIndex index;
    private final Relevance relevance;
    private final SemanticFloor floor;

    public CatalogueSearch(CatalogueStore catalogue, SegmentedIndex index) {
        this(catalogue, index, Relevance.DEFAULT);
    }

    public CatalogueSearch(CatalogueStore catalogue, SegmentedIndex index, Relevance relevance) {
        this.catalogue = catalogue;
        this.index = index;
        this.relevance = relevance;
        this.floor = relevance.percentile() > 0 ? new SemanticFloor(index, relevance.percentile()) : null;
    }

    public List<Hit> search(Query query) {
        String text = query.text().strip();
        VectorFilter filter = query.filter().withKind(null).withLanguage(null);
        Collection<String> segments = query.filter().language() != null
                ? List.of(Segments.of(query.filter().language()))
                : index.segments();
        int depth = Math.max(query.limit(), MIN_CANDIDATES);
        Map<String, Fused> best = new HashMap<>();
        for (String segment : segments) {
            Map<String, Fused> fused = new HashMap<>();
            boolean sharesWords = false;
            float[] vector = query.ranking() == Ranking.KEYWORD ? null : index.embedQuery(segment, text).orElse(null);
            for (ItemKind kind : ordered(query.kinds())) {
                VectorFilter byKind = filter.withKind(kind);
                boolean passage = kind == ItemKind.PASSAGE;
                if (vector != null) {
                    fuseSemantic(fused, index.search(segment, VectorQuery.of(vector, byKind, depth)),
                            passage ? PASSAGE_SEMANTIC_WEIGHT : 1, cosineFloor(segment, kind, text, vector));
                }
                if (query.ranking() != Ranking.SEMANTIC) {
                    KeywordQuery keyword = KeywordQuery.of(text, byKind, depth);
                    List<KeywordHit> hits = index.keyword(segment, passage ? keyword.forgivingTypos() : keyword);
                    fuseKeyword(fused, hits);
                    sharesWords |= hits.stream().anyMatch(h -> h.coverage() >= relevance.coverage());
                    if (passage) {
                        fuseWordsSaidTogether(fused, hits);
                    }
                }
            }
            // The segment's model reads the segment's language: where no item holds enough of the query's words
            // to be a match by them (a stray "of" in Portuguese news does not), the query is most likely in
            // another language, and a match on meaning alone there is noise.
            boolean meaningCounts = sharesWords || !index.searchesKeywords() || query.ranking() == Ranking.SEMANTIC;
            // An item is in one segment; during a change of language it may linger in another.
            fused.values().stream().filter(f -> relevance.keepsAll() || relevant(f) && (meaningCounts || f.coverage >= 0))
                    .forEach(f -> best.merge(f.hit.id(), f, (a, b) -> ORDER.compare(a, b) <= 0 ? a : b));
        }
        int pool = query.ranking() == Ranking.FUSED ? Math.max(query.limit(), MIN_HYDRATED) : query.limit();
        List<Hit> hits = hydrate(best.values().stream().sorted(ORDER).limit(pool).toList());
        if (query.ranking() == Ranking.FUSED) {
            hits = phraseFirst(hits, text);
        }
        return hits.size() > query.limit() ? List.copyOf(hits.subList(0, query.limit())) : hits;
    }

    /** The results with the exact-phrase ranking fused in (see the class comment); stable otherwise. */
    static List<Hit> phraseFirst(List<Hit> hits, String query) {
        String phrase = words(query);
        if (phrase.split(" ").length < MIN_PHRASE_WORDS) {
            return hits;
        }
        List<Hit> scored = new ArrayList<>(hits.size());
        int rank = 0;
        for (Hit hit : hits) {
            boolean holds = (" " + words(text(hit)) + " ").contains(" " + phrase + " ");
            scored.add(holds ? new Hit(hit.kind(), hit.podcast(), hit.episode(), hit.passage(),
                    hit.score() + ReciprocalRankFusion.share(++rank), hit.matchedTerms()) : hit);
        }
        scored.sort(Comparator.comparingDouble(h -> -h.score())); // stable: ties keep the fused order
        return scored;
    }

    /** The text the index holds for a result. */
    private static String text(Hit hit) {
        return switch (hit.kind()) {
            case PODCAST -> ItemTexts.of(hit.podcast());
            case EPISODE -> ItemTexts.of(hit.podcast(), hit.episode());
            default -> hit.passage().text();
        };
    }

    /** Lower-case words separated by single spaces: punctuation and case do not break a phrase. */
    public static String words(String text) {
        return NOT_A_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** One item's standing in the rankings of its segment, and its evidence of relevance. */
    private static final class Fused {
        final VectorHit hit;
        double score;
        int bestRank = Integer.MAX_VALUE;
        /** Its cosine to the query when the semantic ranking holds it. */
        double cosine = Double.NEGATIVE_INFINITY;
        /** The cosine its kind must reach in its segment to be a match on meaning. */
        double cosineFloor = Double.POSITIVE_INFINITY;
        /** The share of the query's weight its words hold when the keyword ranking holds it. */
        double coverage = -1;
        List<String> matchedTerms = List.of();

        Fused(VectorHit hit) {
            this.hit = hit;
        }
    }

    /** The kind's floor in the segment for the query; no floor (every cosine passes) when the bar is off. */
    private double cosineFloor(String segment, ItemKind kind, String text, float[] query) {
        return floor == null ? Double.NEGATIVE_INFINITY
                : floor.of(segment, kind, text, query).orElse(Double.NEGATIVE_INFINITY);
    }

    /** The class comment's rule: either evidence clears its bar. */
    private boolean relevant(Fused f) {
        return relevance.keepsAll() || f.cosine >= f.cosineFloor
                || (f.coverage >= 0 && f.coverage >= relevance.coverage());
    }

    /**
     * Fused score; on a tie, the cosine: the first of each segment (or kind) ties at 1 / (k + 1), and
     * the cosine tells a close first from a far one. Then the better single rank, then the id.
     */
    private static final Comparator<Fused> ORDER = Comparator.<Fused>comparingDouble(f -> -f.score)
            .thenComparingDouble(f -> -f.cosine)
            .thenComparingInt(f -> f.bestRank)
            .thenComparing(f -> f.hit.id());

    private static void fuseSemantic(Map<String, Fused> fused, List<VectorHit> ranking, double weight, double floor) {
        for (int i = 0; i < ranking.size(); i++) {
            Fused f = fuse(fused, ranking.get(i), i + 1, weight);
            f.cosine = ranking.get(i).score();
            f.cosineFloor = floor;
        }
    }

    private static void fuseKeyword(Map<String, Fused> fused, List<KeywordHit> ranking) {
        for (int i = 0; i < ranking.size(); i++) {
            KeywordHit hit = ranking.get(i);
            Fused f = fuse(fused, hit.hit(), i + 1, 1);
            f.coverage = hit.coverage();
            f.matchedTerms = hit.matchedTerms();
        }
    }

    /** Passages ranked by the share of the query's weight they hold within a few words (see the constants). */
    private static void fuseWordsSaidTogether(Map<String, Fused> fused, List<KeywordHit> ranking) {
        List<KeywordHit> byNearness = new ArrayList<>(ranking);
        byNearness.sort(Comparator.comparingDouble(h -> -h.nearCoverage())); // stable: ties keep the BM25 order
        for (int i = 0; i < byNearness.size(); i++) {
            fused.get(byNearness.get(i).hit().id()).score += ReciprocalRankFusion.share(i + 1, PASSAGE_NEAR_WEIGHT);
        }
    }

    private static Fused fuse(Map<String, Fused> fused, VectorHit hit, int rank, double weight) {
        Fused f = fused.computeIfAbsent(hit.id(), id -> new Fused(hit));
        f.score += ReciprocalRankFusion.share(rank, weight);
        f.bestRank = Math.min(f.bestRank, rank);
        return f;
    }

    private static List<ItemKind> ordered(Set<ItemKind> kinds) {
        return EnumSet.copyOf(kinds).stream().toList();
    }

    /** The results with their podcast, episode and passage, read with one catalogue call per kind. */
    private List<Hit> hydrate(List<Fused> ranked) {
        Set<Long> podcastIds = new LinkedHashSet<>();
        Set<Long> episodeIds = new LinkedHashSet<>();
        Set<Long> passageIds = new LinkedHashSet<>();
        for (Fused f : ranked) {
            VectorHit hit = f.hit;
            switch (hit.kind()) {
                case PODCAST -> podcastIds.add(hit.entityId());
                case EPISODE -> episodeIds.add(hit.entityId());
                case PASSAGE -> {
                    passageIds.add(hit.entityId());
                    if (hit.episodeId() != null) {
                        episodeIds.add(hit.episodeId());
                    }
                }
                default -> {
                }
            }
            if (hit.podcastId() != null) {
                podcastIds.add(hit.podcastId());
            }
        }
        Map<Long, Podcast> podcasts = podcastIds.isEmpty() ? Map.of()
                : byId(catalogue.podcasts(podcastIds), Podcast::id);
        Map<Long, Episode> episodes = episodeIds.isEmpty() ? Map.of()
                : byId(catalogue.episodes(episodeIds), Episode::id);
        Map<Long, Passage> passages = passageIds.isEmpty() ? Map.of()
                : byId(catalogue.passages(passageIds), Passage::id);

        List<Hit> hits = new ArrayList<>(ranked.size());
        for (Fused f : ranked) {
            VectorHit hit = f.hit;
            Hit result = switch (hit.kind()) {
                case PODCAST -> whole(get(podcasts, hit.entityId()), null, null, f);
                case EPISODE -> whole(get(podcasts, hit.podcastId()), get(episodes, hit.entityId()), null, f);
                case PASSAGE -> whole(get(podcasts, hit.podcastId()), get(episodes, hit.episodeId()),
                        get(passages, hit.entityId()), f);
                default -> null;
            };
            if (result != null) {
                hits.add(result);
            }
        }
        return hits;
    }

    /** The hit when all it needs is still in the catalogue; null when something was deleted since indexing. */
    private static Hit whole(Podcast podcast, Episode episode, Passage passage, Fused f) {
        ItemKind kind = f.hit.kind();
        if (podcast == null || (kind != ItemKind.PODCAST && episode == null) || (kind == ItemKind.PASSAGE && passage == null)) {
            return null;
        }
        return new Hit(kind, podcast, episode, passage, f.score, f.matchedTerms);
    }

    private static <T> T get(Map<Long, T> byId, Long id) {
        return id == null ? null : byId.get(id);
    }

    private static <T> Map<Long, T> byId(List<T> items, Function<T, Long> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a));
    }
}
