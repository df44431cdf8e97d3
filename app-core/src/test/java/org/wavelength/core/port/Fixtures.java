package org.wavelength.core.port;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.FeedContent;
import org.wavelength.core.domain.Page;
import org.wavelength.core.domain.Podcast;

/** Small test doubles for the core's ports. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Podcast podcast(long id, String title, String... categories) {
        return new Podcast(id, id, "https://example.com/" + id, title, "Author " + id, "About " + title, "en",
                List.of(categories), null, null, false, 0);
    }

    public static Episode episode(long id, long podcastId, String title) {
        return new Episode(id, podcastId, "guid-" + id, title, "Notes of " + title, null, null, 600, null, null, null, null,
                null, null);
    }

    /** An embedder whose vectors are looked up by the start of the text; records every call. */
    public static final class TableEmbedder implements Embedder {
        public final Map<String, float[]> table = new LinkedHashMap<>();
        public final List<Integer> batchSizes = new ArrayList<>();
        public final String name;
        public final int dimension;

        public TableEmbedder() {
            this("table", 3);
        }

        public TableEmbedder(String name, int dimension) {
            this.name = name;
            this.dimension = dimension;
        }

        public TableEmbedder with(String prefix, float... vector) {
            table.put(prefix, vector);
            return this;
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            batchSizes.add(texts.size());
            return texts.stream().map(t -> table.entrySet().stream().filter(e -> t.startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElseGet(this::ones)).toList();
        }

        private float[] ones() {
            float[] vector = new float[dimension];
            java.util.Arrays.fill(vector, 1);
            return vector;
        }

        @Override
        public String modelName() {
            return name;
        }

        @Override
        public int dimension() {
            return dimension;
        }
    }

    /** One model for every segment, unless a segment is given its own. */
    public static final class FixedEmbedders implements org.wavelength.core.port.Embedders {
        public final Map<String, Embedder> byModel = new LinkedHashMap<>();
        public final Map<String, String> modelBySegment = new LinkedHashMap<>();
        public final String defaultModel;

        public FixedEmbedders(Embedder... models) {
            for (Embedder m : models) {
                byModel.put(m.modelName(), m);
            }
            defaultModel = models[0].modelName();
        }

        @Override
        public Embedder forSegment(String segment) {
            return byModel.get(modelBySegment.getOrDefault(segment, defaultModel));
        }

        @Override
        public Embedder forModel(String modelId) {
            Embedder embedder = byModel.get(modelId);
            if (embedder == null) {
                throw new IllegalArgumentException("unknown model " + modelId);
            }
            return embedder;
        }
    }

    public static final class MapCatalogue implements CatalogueStore {
        public final Map<Long, Podcast> podcasts = new LinkedHashMap<>();
        public final Map<Long, Episode> episodes = new LinkedHashMap<>();
        public final Map<Long, org.wavelength.core.domain.Passage> passages = new LinkedHashMap<>();
        /** People credited, by podcast and by episode. */
        public final Map<Long, List<org.wavelength.core.domain.Credit>> podcastCredits = new LinkedHashMap<>();
        public final Map<Long, List<org.wavelength.core.domain.Credit>> episodeCredits = new LinkedHashMap<>();
        /** The shows each podcast's makers recommend. */
        public final Map<Long, List<org.wavelength.core.domain.PodrollItem>> podrolls = new LinkedHashMap<>();

        public MapCatalogue with(Podcast... list) {
            for (Podcast p : list) {
                podcasts.put(p.id(), p);
            }
            return this;
        }

        public MapCatalogue with(Episode... list) {
            for (Episode e : list) {
                episodes.put(e.id(), e);
            }
            return this;
        }

        public MapCatalogue with(org.wavelength.core.domain.Passage... list) {
            for (org.wavelength.core.domain.Passage p : list) {
                passages.put(p.id(), p);
            }
            return this;
        }

        @Override
        public List<org.wavelength.core.domain.Passage> passages(Collection<Long> ids) {
            return ids.stream().map(passages::get).filter(java.util.Objects::nonNull).toList();
        }

        @Override
        public Optional<Podcast> podcast(long id) {
            return Optional.ofNullable(podcasts.get(id));
        }

        @Override
        public Page<Podcast> podcasts(int page, int size) {
            return new Page<>(List.copyOf(podcasts.values()), page, size, podcasts.size());
        }

        @Override
        public List<Podcast> podcasts(Collection<Long> ids) {
            return ids.stream().map(podcasts::get).filter(java.util.Objects::nonNull).toList();
        }

        @Override
        public List<Episode> episodes(long podcastId, int limit) {
            return episodes.values().stream().filter(e -> e.podcastId() == podcastId).limit(limit).toList();
        }

        @Override
        public List<Episode> episodes(Collection<Long> ids) {
            return ids.stream().distinct().map(episodes::get).filter(java.util.Objects::nonNull).toList();
        }

        @Override
        public List<Episode> newestEpisodes(Collection<Long> podcastIds, java.time.Instant since, int limit) {
            return episodes.values().stream()
                    .filter(e -> podcastIds.isEmpty() || podcastIds.contains(e.podcastId()))
                    .filter(e -> e.publishedAt() != null && e.publishedAt().isAfter(since) && e.goneFromFeedAt() == null)
                    .sorted(java.util.Comparator.comparing(Episode::publishedAt).reversed()).limit(limit).toList();
        }

        @Override
        public long podcastCount() {
            return podcasts.size();
        }

        /** Credits a person on an episode. */
        public MapCatalogue credit(long episodeId, long personId, String name, String role) {
            episodeCredits.computeIfAbsent(episodeId, id -> new ArrayList<>())
                    .add(new org.wavelength.core.domain.Credit(personId, name, role, "cast"));
            return this;
        }

        @Override
        public List<org.wavelength.core.domain.PodrollItem> podroll(long podcastId) {
            return podrolls.getOrDefault(podcastId, List.of());
        }

        @Override
        public List<org.wavelength.core.domain.Credit> podcastCredits(long podcastId) {
            return podcastCredits.getOrDefault(podcastId, List.of());
        }

        @Override
        public Map<Long, List<org.wavelength.core.domain.Credit>> episodeCredits(Collection<Long> episodeIds) {
            Map<Long, List<org.wavelength.core.domain.Credit>> found = new LinkedHashMap<>();
            episodeIds.stream().filter(episodeCredits::containsKey).forEach(id -> found.put(id, episodeCredits.get(id)));
            return found;
        }

        @Override
        public Optional<org.wavelength.core.domain.EpisodeDetails> episodeDetails(long episodeId) {
            return Optional.empty();
        }

        @Override
        public Map<Long, List<org.wavelength.core.domain.FeedContent.Enclosure>> enclosures(Collection<Long> episodeIds) {
            return Map.of();
        }

        @Override
        public List<org.wavelength.core.domain.Passage> storeTranscript(long episodeId, String transcriptUrl,
                List<org.wavelength.core.domain.TranscriptSegment> segments, List<org.wavelength.core.domain.Passage> passages) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<org.wavelength.core.domain.Passage> passages(long episodeId) {
            return List.of();
        }

        @Override
        public void storeTranscriptError(long episodeId, String transcriptUrl, String error) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void storeChapters(long episodeId, List<org.wavelength.core.domain.Chapter> chapters) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StoredFeed store(long feedId, FeedContent content) {
            throw new UnsupportedOperationException();
        }
    }
}
