package org.wavelength.web.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.wavelength.core.assistant.Citations;
import org.wavelength.core.assistant.RequestParser;
import org.wavelength.core.assistant.RetrievalAssistant;
import org.wavelength.core.browse.Directory;
import org.wavelength.core.browse.People;
import org.wavelength.core.domain.Strategy;
import org.wavelength.core.index.CatalogueIndexer;
import org.wavelength.core.index.IndexOverview;
import org.wavelength.core.index.IndexRebuild;
import org.wavelength.core.index.IndexReconciliation;
import org.wavelength.core.index.IndexWrites;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.listener.ListenerActions;
import org.wavelength.core.listener.ImportedSubscriptions;
import org.wavelength.core.listener.ListenerLibrary;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.DirectoryStore;
import org.wavelength.core.port.Embedders;
import org.wavelength.core.port.IndexSource;
import org.wavelength.core.port.SharedDocuments;
import org.wavelength.core.port.SubscriptionRequests;
import org.wavelength.core.port.InteractionStore;
import org.wavelength.core.port.PeopleStore;
import org.wavelength.core.port.PreferenceStore;
import org.wavelength.core.port.VectorStore;
import org.wavelength.core.recommend.Recommendations;
import org.wavelength.core.recommend.SimilarEpisodes;
import org.wavelength.core.recommend.SimilarPodcasts;
import org.wavelength.core.recommend.UserProfiles;
import org.wavelength.core.search.CatalogueSearch;
import org.wavelength.web.vector.VectorStores;

/** The core knows no framework: its services are assembled here, from the adapters of this module. */
@ApplicationScoped
public class CoreBeans {

    @Produces
    @ApplicationScoped
    VectorStore vectorStore(WavelengthConfig config) {
        return VectorStores.open(config);
    }

    void closeVectorStore(@Disposes VectorStore store) {
        if (store instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                Log.warn("Closing the vector store failed", e);
            }
        }
    }

    @Produces
    @ApplicationScoped
    SegmentedIndex segmentedIndex(VectorStore store, Embedders embedders) {
        return new SegmentedIndex(store, embedders);
    }

    @Produces
    @ApplicationScoped
    IndexWrites indexWrites(SegmentedIndex index, WavelengthConfig config, MeterRegistry registry) {
        Timer lag = Timer.builder("wavelength.index.lag")
                .description("Time from ingestion submitting a document to its being searchable")
                .publishPercentiles(0.5, 0.99).register(registry);
        return new IndexWrites(index, config.index().mode(), config.index().batchSize(), lag::record, Clock.systemUTC());
    }

    @Produces
    @ApplicationScoped
    IndexRebuild indexRebuild(SegmentedIndex index, IndexSource source, UserProfiles userProfiles, SharedDocuments records,
            WavelengthConfig config) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "wavelength-index-rebuild");
            thread.setDaemon(true);
            return thread;
        });
        return new IndexRebuild(index, source, List.of(userProfiles), records, executor,
                (task, delay) -> executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS),
                config.index().rebuildGrace(), Clock.systemUTC());
    }

    @Produces
    @ApplicationScoped
    IndexReconciliation indexReconciliation(SegmentedIndex index, IndexSource source) {
        return new IndexReconciliation(index, source);
    }

    @Produces
    @ApplicationScoped
    SimilarPodcasts similarPodcasts(CatalogueStore catalogue, SegmentedIndex index) {
        return SimilarPodcasts.asServed(catalogue, index);
    }

    @Produces
    @ApplicationScoped
    CatalogueSearch catalogueSearch(CatalogueStore catalogue, SegmentedIndex index, WavelengthConfig config) {
        return new CatalogueSearch(catalogue, index, relevance(config.search().relevance()));
    }

    /** The relevance floor's settings, checked; a wrong value is reported with the property's name. */
    public static CatalogueSearch.Relevance relevance(WavelengthConfig.Search.Relevance config) {
        require(config.percentile() >= 0 && config.percentile() < 1,
                "wavelength.search.relevance.percentile must be at least 0 and below 1");
        require(config.keywordCoverage() >= 0 && config.keywordCoverage() <= 1,
                "wavelength.search.relevance.keyword-coverage must be between 0 and 1");
        return new CatalogueSearch.Relevance(config.percentile(), config.keywordCoverage());
    }

    @Produces
    @ApplicationScoped
    CatalogueIndexer catalogueIndexer(IndexWrites writes) {
        return new CatalogueIndexer(writes);
    }

    @Produces
    @ApplicationScoped
    UserProfiles userProfiles(SegmentedIndex index, InteractionStore interactions, PreferenceStore preferences,
            CatalogueStore catalogue) {
        return new UserProfiles(index, interactions, preferences, catalogue, Clock.systemUTC());
    }

    @Produces
    @ApplicationScoped
    Recommendations recommendations(SegmentedIndex index, UserProfiles profiles, CatalogueStore catalogue,
            InteractionStore interactions, WavelengthConfig config) {
        return new Recommendations(index, profiles, catalogue, interactions, recommendationSettings(config.recommend()),
                Clock.systemUTC());
    }

    @Produces
    @ApplicationScoped
    SimilarEpisodes similarEpisodes(CatalogueStore catalogue, SegmentedIndex index) {
        return new SimilarEpisodes(catalogue, index);
    }

    /** Categories and languages; "popular" looks as far back as the recommendations' popular window. */
    @Produces
    @ApplicationScoped
    Directory directory(DirectoryStore store, CatalogueStore catalogue, WavelengthConfig config) {
        return new Directory(store, catalogue, recommendationSettings(config.recommend()).popularWindow(), Clock.systemUTC());
    }

    @Produces
    @ApplicationScoped
    People people(PeopleStore store, CatalogueStore catalogue) {
        return new People(store, catalogue);
    }

    /** The chat's answers without a language model (and when it fails). */
    @Produces
    @ApplicationScoped
    RetrievalAssistant retrievalAssistant(CatalogueSearch search, SimilarPodcasts similarPodcasts,
            SimilarEpisodes similarEpisodes, Recommendations recommendations, CatalogueStore catalogue, Directory directory) {
        Clock clock = Clock.systemUTC();
        return new RetrievalAssistant(search, similarPodcasts, similarEpisodes, recommendations, catalogue, directory,
                new RequestParser(clock), clock);
    }

    @Produces
    @ApplicationScoped
    IndexOverview indexOverview(SegmentedIndex index, VectorStore store, IndexRebuild rebuild, IndexWrites writes) {
        return new IndexOverview(index, store, rebuild, writes);
    }

    @Produces
    @ApplicationScoped
    ListenerActions listenerActions(UserProfiles profiles, InteractionStore interactions, PreferenceStore preferences,
            CatalogueStore catalogue) {
        return new ListenerActions(profiles, interactions, preferences, catalogue, Clock.systemUTC());
    }

    @Produces
    @ApplicationScoped
    ImportedSubscriptions importedSubscriptions(ListenerActions actions, SubscriptionRequests requests) {
        return new ImportedSubscriptions(actions, requests, Clock.systemUTC());
    }

    @Produces
    @ApplicationScoped
    ListenerLibrary listenerLibrary(InteractionStore interactions, CatalogueStore catalogue) {
        return new ListenerLibrary(interactions, catalogue);
    }

    /** Checks the links a language model's answer cites against the catalogue. */
    @Produces
    @ApplicationScoped
    Citations citations(CatalogueStore catalogue) {
        return new Citations(catalogue);
    }

    /** A wrong setting stops the start rather than the first recommendation. */
    void checkRecommendationSettings(@Observes StartupEvent event, WavelengthConfig config) {
        recommendationSettings(config.recommend());
        relevance(config.search().relevance());
    }

    /** The typed settings, checked; a wrong value is reported with the property's name. */
    public static Recommendations.Settings recommendationSettings(WavelengthConfig.Recommend config) {
        WavelengthConfig.Recommend.Weights w = config.weights();
        Map<Strategy, Double> weights = Map.of(Strategy.PROFILE, w.profile(), Strategy.RECENT, w.recent(),
                Strategy.SIMILAR_USERS, w.similarUsers(), Strategy.FOLLOWING, w.following());
        weights.forEach((strategy, weight) -> require(weight >= 0 && Double.isFinite(weight),
                "wavelength.recommend.weights." + strategy.apiName() + " must be 0 or more"));
        require(config.maxPerPodcast() >= 1, "wavelength.recommend.max-per-podcast must be at least 1");
        require(config.relevanceOverDiversity() >= 0 && config.relevanceOverDiversity() <= 1,
                "wavelength.recommend.relevance-over-diversity must be between 0 and 1");
        require(config.freshnessBoost() >= 0 && Double.isFinite(config.freshnessBoost()),
                "wavelength.recommend.freshness-boost must be 0 or more");
        require(config.freshnessHalfLife().toSeconds() > 0, "wavelength.recommend.freshness-half-life must be positive");
        require(config.popularWindow().toSeconds() > 0, "wavelength.recommend.popular-window must be positive");
        return new Recommendations.Settings(weights, config.maxPerPodcast(), config.relevanceOverDiversity(),
                config.freshnessBoost(), config.freshnessHalfLife(), config.popularWindow());
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
    }
}
