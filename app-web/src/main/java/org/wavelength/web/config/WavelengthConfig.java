package org.wavelength.web.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.wavelength.core.index.IndexWrites;

/** The application's own settings; see infra/config/wavelength.env.example for the environment form. */
@ConfigMapping(prefix = "wavelength")
public interface WavelengthConfig {

    /** Where the embedded setup keeps its database and vector index. */
    @WithDefault("./data")
    Path dataDir();

    Index index();

    Qdrant qdrant();

    Admin admin();

    Recommend recommend();

    Chat chat();

    Search search();

    SignIn signIn();

    /** Failed sign-ins (security.SignInBackOff); an account's own failures from one address pause after 5. */
    interface SignIn {
        /** Failures from one address, over all accounts, before that address is paused (twice as long each time). */
        @WithDefault("30")
        int freeFailuresPerAddress();
    }

    interface Index {
        /** lucene: embedded, in this process (the default); qdrant: a shared Qdrant server (production). */
        @WithDefault("lucene")
        Kind kind();

        /** realtime: written before ingestion moves on; batch: buffered and flushed by size or interval. */
        @WithDefault("realtime")
        IndexWrites.Mode mode();

        /** Batch mode: documents that trigger a flush. */
        @WithDefault("256")
        int batchSize();

        /** Batch mode: the longest a document waits to be written. */
        @WithDefault("2s")
        Duration flushInterval();

        /** After a rebuild switched a segment, how long the old collection stays for readers that still use it. */
        @WithDefault("10m")
        Duration rebuildGrace();

        enum Kind { LUCENE, QDRANT }
    }

    interface Qdrant {
        @WithDefault("localhost")
        String host();

        /** The gRPC port. */
        @WithDefault("6334")
        int port();

        @WithDefault("false")
        boolean useTls();

        Optional<String> apiKey();

        /** int8 scalar quantization of new collections: a quarter of the memory, slightly less precise. */
        @WithDefault("false")
        boolean scalarQuantization();

        @WithDefault("30s")
        Duration timeout();
    }

    /** Tuning of the listeners' recommendations; the defaults are those of Recommendations.Settings.defaults(). */
    interface Recommend {

        /** How much each source counts in the blend (weighted reciprocal-rank fusion); 0 leaves a source out. */
        Weights weights();

        /** The most episodes of one podcast in a blended list. */
        @WithDefault("2")
        int maxPerPodcast();

        /** MMR λ between 0 and 1: 1 ranks by relevance alone, lower values favour variety. */
        @WithDefault("0.7")
        double relevanceOverDiversity();

        /** An episode published today scores up to this share more in the blend (0: no boost). */
        @WithDefault("0.2")
        double freshnessBoost();

        /** Age at which the freshness boost has halved. */
        @WithDefault("14d")
        Duration freshnessHalfLife();

        /** What "popular" and "just published" look back over, for listeners we know nothing about. */
        @WithDefault("30d")
        Duration popularWindow();

        interface Weights {
            @WithDefault("1.0")
            double profile();

            @WithDefault("1.0")
            double recent();

            @WithDefault("0.8")
            double similarUsers();

            /** New episodes of subscribed podcasts. */
            @WithDefault("0.8")
            double following();
        }
    }

    /** Search (the search page, /api/search and the chat's retrieval mode). */
    interface Search {

        /** What a result must show to be listed; the defaults are those of CatalogueSearch.Relevance.DEFAULT. */
        Relevance relevance();

        interface Relevance {
            /**
             * A result is a match on meaning when its cosine to the query is above this share of the background
             * cosines of its segment and kind (query-like probes against a sample of items); 0 switches it off.
             */
            @WithDefault("0.975")
            double percentile();

            /** Or a match on words when its keyword matches carry this share of the query's IDF weight; 0 switches it off. */
            @WithDefault("0.5")
            double keywordCoverage();
        }
    }

    /** "Ask for a podcast". The language model itself is configured under quarkus.langchain4j.openai.*. */
    interface Chat {
        /**
         * Whether a language model answers: an OpenAI-compatible endpoint set by quarkus.langchain4j.openai.base-url,
         * api-key and chat-model.model-name. Off (the default), the chat answers from search and says so.
         */
        @WithDefault("false")
        boolean llmEnabled();

        /** The longest wait for the model's next words before the answer falls back to search. */
        @WithDefault("30s")
        Duration llmTimeout();

        /** The longest message a listener may send. */
        @WithDefault("500")
        int maxMessageLength();

        /** Messages per hour for a signed-in listener. */
        @WithDefault("60")
        int messagesPerHour();

        /** Messages per hour for a visitor who is not signed in (per browser, else per address). */
        @WithDefault("15")
        int anonymousMessagesPerHour();

        /** Conversations kept in memory; past this, Caffeine drops the ones least likely to be used again. */
        @WithDefault("2000")
        int maxConversations();

        /** A conversation idle this long is forgotten. */
        @WithDefault("2h")
        Duration conversationIdle();
    }

    interface Admin {
        /** Password of the admin account created on first start; generated and logged once when absent. */
        Optional<String> password();
    }
}
