package org.wavelength.web.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.ChatMemoryProvider;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import io.quarkiverse.langchain4j.ChatMemoryRemover;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.wavelength.core.assistant.CitedItem;
import org.wavelength.core.assistant.Conversation;
import org.wavelength.web.config.WavelengthConfig;
import org.wavelength.web.view.ChatReply;
import org.wavelength.web.view.Links;

/**
 * The chat's conversations, in this process's memory: who owns each, the language model's message window,
 * the items offered so far (what an answer may cite, with their reasons) and the last answer search gave.
 * Bounded: past the limit Caffeine lets go of the conversations least likely to be used again (by recency
 * and frequency), and one whose owner sent nothing for the idle time expires. With several replicas, a
 * follow-up reaching another replica starts afresh (the page then shows a new conversation); a shared store
 * would lift that.
 */
@ApplicationScoped
public class Conversations {

    /** The language model sees this many of the latest messages, tool calls and results included. */
    static final int MEMORY_MESSAGES = 20;

    /** The page shows this many of the latest exchanges. */
    static final int SHOWN_EXCHANGES = 30;

    /** A message and the answer it got. */
    public record Exchange(String message, ChatReply reply) {
    }

    /**
     * One conversation; {@code owner} is the asker's key ("user:NAME", or "visitor:ADDRESS"). Its offered items,
     * exchanges and retrieval state are read and changed under its own lock.
     */
    static final class Chat {
        final String id;
        final String owner;
        final Long userId;
        final ChatMemory memory;
        final Map<String, CitedItem> offered = new LinkedHashMap<>();
        final List<Exchange> exchanges = new ArrayList<>();
        /** What search needs to refine its last answer. */
        Conversation retrieval = Conversation.NEW;

        Chat(String id, String owner, Long userId) {
            this.id = id;
            this.owner = owner;
            this.userId = userId;
            this.memory = MessageWindowChatMemory.builder().id(id).maxMessages(MEMORY_MESSAGES).build();
        }
    }

    /**
     * By id. Only the owner's new message counts as use (for expiry and eviction): every other lookup is quiet,
     * so that neither the answer's own work nor someone else holding the id keeps a conversation alive.
     */
    private final Cache<String, Chat> chats;

    @Inject
    public Conversations(WavelengthConfig config, Instance<PodcastAssistant> assistant) {
        this(config.chat().maxConversations(), config.chat().conversationIdle(), Ticker.systemTicker(), id -> {
            // The AI service keeps each memory it was given until told to let go of it.
            if (assistant.isResolvable()) {
                ChatMemoryRemover.remove(assistant.get(), id);
            }
        });
    }

    /** {@code releaseMemory} is told the id of each conversation let go (evicted or expired). */
    Conversations(int capacity, Duration idle, Ticker ticker, Consumer<String> releaseMemory) {
        this.chats = Caffeine.newBuilder().maximumSize(capacity).expireAfterAccess(idle).ticker(ticker)
                // Upkeep on the caller's thread: each new conversation removes the expired ones, as it is made.
                .executor(Runnable::run)
                .<String, Chat>removalListener((id, chat, cause) -> releaseMemory.accept(id))
                .build();
    }

    /** The owner's conversation with this id, or a new one when the id is absent, unknown, expired or not theirs. */
    Chat open(String id, String owner, Long userId) {
        Chat found = find(id);
        if (found != null && found.owner.equals(owner)) {
            chats.getIfPresent(id); // the owner's message: their conversation's idle time starts again
            return found;
        }
        Chat created = new Chat(UUID.randomUUID().toString(), owner, userId);
        chats.put(created.id, created);
        return created;
    }

    private Chat find(Object conversationId) {
        return conversationId == null ? null : chats.policy().getIfPresentQuietly(String.valueOf(conversationId));
    }

    /** Remembers what a tool showed the model, so that the answer may cite it with the tool's reason. */
    void offer(String conversationId, List<CitedItem> items) {
        Chat chat = find(conversationId);
        if (chat != null) {
            synchronized (chat) {
                items.forEach(item -> chat.offered.putIfAbsent(Links.of(item), item));
            }
        }
    }

    Optional<CitedItem> offered(String conversationId, String link) {
        Chat chat = find(conversationId);
        if (chat == null) {
            return Optional.empty();
        }
        synchronized (chat) {
            return Optional.ofNullable(chat.offered.get(link));
        }
    }

    Conversation retrievalState(String conversationId) {
        Chat chat = find(conversationId);
        if (chat == null) {
            return Conversation.NEW;
        }
        synchronized (chat) {
            return chat.retrieval;
        }
    }

    /** Keeps an answer for the page; {@code retrieval} is the state search answered with, null when the model did. */
    void answered(String conversationId, Exchange exchange, Conversation retrieval) {
        Chat chat = find(conversationId);
        if (chat != null) {
            synchronized (chat) {
                if (retrieval != null) {
                    chat.retrieval = retrieval;
                }
                chat.exchanges.add(exchange);
                if (chat.exchanges.size() > SHOWN_EXCHANGES) {
                    chat.exchanges.remove(0);
                }
            }
        }
    }

    /** What the page shows of a conversation: nothing unless it is the asker's own. */
    public List<Exchange> exchanges(String conversationId, String owner) {
        Chat chat = find(conversationId);
        if (chat == null || !chat.owner.equals(owner)) {
            return List.of();
        }
        synchronized (chat) {
            return List.copyOf(chat.exchanges);
        }
    }

    Optional<Long> listener(String conversationId) {
        Chat chat = find(conversationId);
        return chat == null ? Optional.empty() : Optional.ofNullable(chat.userId);
    }

    ChatMemory memory(Object conversationId) {
        Chat chat = find(conversationId);
        // A conversation evicted mid-answer still gets a memory, for this answer only.
        return chat != null ? chat.memory
                : MessageWindowChatMemory.builder().id(conversationId).maxMessages(MEMORY_MESSAGES).build();
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
