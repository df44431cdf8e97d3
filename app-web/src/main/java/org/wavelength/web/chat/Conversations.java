package org.wavelength.web.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.ChatMemoryProvider;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import io.quarkiverse.langchain4j.ChatMemoryRemover;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.wavelength.core.assistant.CitedItem;
import org.wavelength.core.assistant.Conversation;
import org.wavelength.core.port.SharedDocuments;
import org.wavelength.web.config.WavelengthConfig;
import org.wavelength.web.view.ChatReply;
import org.wavelength.web.view.Links;

/**
 * The chat's conversations, kept in the {@link SharedDocuments} so that a follow-up ("shorter", "the second
 * one") may reach any web replica: who owns each, the items offered so far (what an answer may cite, with
 * their reasons), the exchanges the page shows, the last answer search gave, and the language model's message
 * window ({@link ConversationMemory}). Bounded and expiring: a conversation whose owner sent nothing for the
 * idle time expires, and past the limit the ones changed least recently are let go, with their memories.
 */
@ApplicationScoped
public class Conversations {

    /** The language model sees this many of the latest messages, tool calls and results included. */
    static final int MEMORY_MESSAGES = 20;

    /** The page shows this many of the latest exchanges. */
    static final int SHOWN_EXCHANGES = 30;

    static final String KIND = "chat-conversation";

    /** A message and the answer it got. */
    public record Exchange(String message, ChatReply reply) {
    }

    /** One conversation as a request holds it; {@code owner} is the asker's key ("user:NAME", or "visitor:ADDRESS"). */
    record Chat(String id, String owner, Long userId) {
    }

    /** What is kept of a conversation; {@code expiresAt} moves only with its owner's messages. */
    record Kept(String owner, Long userId, Instant expiresAt, Map<String, CitedItem> offered, List<Exchange> exchanges,
            Conversation retrieval) {

        Kept {
            offered = offered == null ? new LinkedHashMap<>() : new LinkedHashMap<>(offered);
            exchanges = exchanges == null ? new ArrayList<>() : new ArrayList<>(exchanges);
            retrieval = retrieval == null ? Conversation.NEW : retrieval;
        }
    }

    private final SharedDocuments documents;
    private final ObjectMapper json;
    private final Clock clock;
    private final int capacity;
    private final Duration idle;
    private final ConversationMemory memories;
    private final Consumer<String> releaseMemory;

    @Inject
    public Conversations(WavelengthConfig config, SharedDocuments documents, ObjectMapper json,
            Instance<PodcastAssistant> assistant) {
        this(documents, json, Clock.systemUTC(), config.chat().maxConversations(), config.chat().conversationIdle(), id -> {
            // The AI service keeps each memory object it was given until told to let go of it.
            if (assistant.isResolvable()) {
                ChatMemoryRemover.remove(assistant.get(), id);
            }
        });
    }

    /** {@code releaseMemory} is told the id of each conversation let go (evicted or expired). */
    Conversations(SharedDocuments documents, ObjectMapper json, Clock clock, int capacity, Duration idle,
            Consumer<String> releaseMemory) {
        this.documents = documents;
        this.json = json;
        this.clock = clock;
        this.capacity = capacity;
        this.idle = idle;
        this.memories = new ConversationMemory(documents, clock, idle);
        this.releaseMemory = releaseMemory;
    }

    /** The owner's conversation with this id, or a new one when the id is absent, unknown, expired or not theirs. */
    Chat open(String id, String owner, Long userId) {
        Instant now = clock.instant();
        if (id != null && !id.isBlank()) {
            // The owner's message: their conversation's idle time starts again.
            Optional<Kept> continued = change(id, kept -> kept.owner().equals(owner) ? touched(kept, now) : kept)
                    .filter(kept -> kept.owner().equals(owner));
            if (continued.isPresent()) {
                return new Chat(id, owner, continued.get().userId());
            }
        }
        // Room first, so that the new conversation is never the one let go.
        let(documents.prune(KIND, capacity - 1, now));
        documents.prune(ConversationMemory.KIND, Integer.MAX_VALUE, now); // the expired ones
        String created = UUID.randomUUID().toString();
        Kept fresh = new Kept(owner, userId, now.plus(idle), null, null, null);
        documents.update(KIND, created, now, current -> new SharedDocuments.Change(write(fresh), fresh.expiresAt()));
        return new Chat(created, owner, userId);
    }

    private Kept touched(Kept kept, Instant now) {
        return new Kept(kept.owner(), kept.userId(), now.plus(idle), kept.offered(), kept.exchanges(), kept.retrieval());
    }

    /** Remembers what a tool showed the model, so that the answer may cite it with the tool's reason. */
    void offer(String conversationId, List<CitedItem> items) {
        change(conversationId, kept -> {
            items.forEach(item -> kept.offered().putIfAbsent(Links.of(item), item));
            return kept;
        });
    }

    Optional<CitedItem> offered(String conversationId, String link) {
        return find(conversationId).map(kept -> kept.offered().get(link));
    }

    Conversation retrievalState(String conversationId) {
        return find(conversationId).map(Kept::retrieval).orElse(Conversation.NEW);
    }

    /** Keeps an answer for the page; {@code retrieval} is the state search answered with, null when the model did. */
    void answered(String conversationId, Exchange exchange, Conversation retrieval) {
        change(conversationId, kept -> {
            List<Exchange> exchanges = kept.exchanges();
            exchanges.add(exchange);
            if (exchanges.size() > SHOWN_EXCHANGES) {
                exchanges.remove(0);
            }
            return new Kept(kept.owner(), kept.userId(), kept.expiresAt(), kept.offered(), exchanges,
                    retrieval != null ? retrieval : kept.retrieval());
        });
    }

    /** What the page shows of a conversation: nothing unless it is the asker's own. */
    public List<Exchange> exchanges(String conversationId, String owner) {
        return find(conversationId).filter(kept -> kept.owner().equals(owner)).map(kept -> List.copyOf(kept.exchanges()))
                .orElse(List.of());
    }

    Optional<Long> listener(String conversationId) {
        return find(conversationId).map(Kept::userId);
    }

    ChatMemory memory(Object conversationId) {
        return MessageWindowChatMemory.builder().id(conversationId).maxMessages(MEMORY_MESSAGES)
                .chatMemoryStore(memories).build();
    }

    private Optional<Kept> find(Object conversationId) {
        return conversationId == null ? Optional.empty()
                : documents.read(KIND, String.valueOf(conversationId), clock.instant()).map(this::read);
    }

    /** Changes a conversation that is still kept, as one step for every replica; empty when it is not. */
    private Optional<Kept> change(String conversationId, UnaryOperator<Kept> change) {
        if (conversationId == null || documents.read(KIND, conversationId, clock.instant()).isEmpty()) {
            return Optional.empty(); // expired ones are left for the next pruning, which releases their memories
        }
        return documents.update(KIND, conversationId, clock.instant(), current -> {
            if (current.isEmpty()) {
                return SharedDocuments.Change.DELETE; // expired or let go: nothing to change
            }
            Kept changed = change.apply(read(current.get()));
            return new SharedDocuments.Change(write(changed), changed.expiresAt());
        }).map(this::read);
    }

    /** The conversations let go take their memories with them, here and in the AI service. */
    private void let(List<String> gone) {
        gone.forEach(id -> {
            memories.deleteMessages(id);
            releaseMemory.accept(id);
        });
    }

    private Kept read(String document) {
        try {
            return json.readValue(document, Kept.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A kept conversation cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private String write(Kept kept) {
        try {
            return json.writeValueAsString(kept);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A conversation cannot be kept: " + e.getOriginalMessage(), e);
        }
    }

    /** How the AI service reaches the conversations' memories. */
    public static class MemorySupplier implements Supplier<ChatMemoryProvider> {
        @Override
        public ChatMemoryProvider get() {
            Conversations conversations = Arc.container().instance(Conversations.class).get();
            return conversations::memory;
        }
    }
}
