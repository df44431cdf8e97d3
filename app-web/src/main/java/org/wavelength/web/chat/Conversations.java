package org.wavelength.web.chat;

import org.wavelength.web.view.Links;
import org.wavelength.web.view.ChatReply;
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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.wavelength.core.assistant.CitedItem;
import org.wavelength.core.assistant.Conversation;
import org.wavelength.web.config.WavelengthConfig;

/**
 * The chat's conversations, in this process's memory: who owns each, the language model's message window,
 * the items offered so far (what an answer may cite, with their reasons) and the last answer search gave.
 * Bounded: the least recently used conversation goes first, and an idle one expires. With several replicas,
 * a follow-up reaching another replica starts afresh (the page then shows a new conversation); a shared
 * store would lift that.
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

    /** One conversation; {@code owner} is the asker's key ("user:NAME", or "visitor:ADDRESS"). */
    static final class Chat {
        final String id;
        final String owner;
        final Long userId;
        final ChatMemory memory;
        final Map<String, CitedItem> offered = new LinkedHashMap<>();
        final List<Exchange> exchanges = new ArrayList<>();
        /** What search needs to refine its last answer. */
        Conversation retrieval = Conversation.NEW;
        Instant lastUsed;

        Chat(String id, String owner, Long userId, Instant now) {
            this.id = id;
            this.owner = owner;
            this.userId = userId;
            this.memory = MessageWindowChatMemory.builder().id(id).maxMessages(MEMORY_MESSAGES).build();
            this.lastUsed = now;
        }
    }

    private final Instance<PodcastAssistant> assistant;
    private final int capacity;
    private final Duration idle;
    private final Clock clock;
    private final LinkedHashMap<String, Chat> byId = new LinkedHashMap<>(16, 0.75f, true);

    @Inject
    public Conversations(WavelengthConfig config, Instance<PodcastAssistant> assistant) {
        this(config.chat().maxConversations(), config.chat().conversationIdle(), Clock.systemUTC(), assistant);
    }

    Conversations(int capacity, Duration idle, Clock clock, Instance<PodcastAssistant> assistant) {
        this.assistant = assistant;
        this.capacity = capacity;
        this.idle = idle;
        this.clock = clock;
    }

    /** The owner's conversation with this id, or a new one when the id is absent, unknown, expired or not theirs. */
    synchronized Chat open(String id, String owner, Long userId) {
        Instant now = clock.instant();
        for (Iterator<Chat> all = byId.values().iterator(); all.hasNext(); ) {
            Chat chat = all.next();
            if (chat.lastUsed.plus(idle).isBefore(now)) {
                all.remove();
                forget(chat);
            }
        }
        Chat found = id == null ? null : byId.get(id);
        if (found != null && found.owner.equals(owner)) {
            found.lastUsed = now;
            return found;
        }
        Chat created = new Chat(UUID.randomUUID().toString(), owner, userId, now);
        byId.put(created.id, created);
        while (byId.size() > capacity) {
            forget(byId.remove(byId.keySet().iterator().next()));
        }
        return created;
    }

    /** The AI service keeps each memory it was given until told to let go of it. */
    private void forget(Chat chat) {
        if (assistant.isResolvable()) {
            ChatMemoryRemover.remove(assistant.get(), chat.id);
        }
    }

    /** Remembers what a tool showed the model, so that the answer may cite it with the tool's reason. */
    synchronized void offer(String conversationId, List<CitedItem> items) {
        Chat chat = byId.get(conversationId);
        if (chat != null) {
            items.forEach(item -> chat.offered.putIfAbsent(Links.of(item), item));
        }
    }

    synchronized Optional<CitedItem> offered(String conversationId, String link) {
        Chat chat = byId.get(conversationId);
        return chat == null ? Optional.empty() : Optional.ofNullable(chat.offered.get(link));
    }

    synchronized Conversation retrievalState(String conversationId) {
        Chat chat = byId.get(conversationId);
        return chat == null ? Conversation.NEW : chat.retrieval;
    }

    /** Keeps an answer for the page; {@code retrieval} is the state search answered with, null when the model did. */
    synchronized void answered(String conversationId, Exchange exchange, Conversation retrieval) {
        Chat chat = byId.get(conversationId);
        if (chat != null) {
            if (retrieval != null) {
                chat.retrieval = retrieval;
            }
            chat.exchanges.add(exchange);
            if (chat.exchanges.size() > SHOWN_EXCHANGES) {
                chat.exchanges.remove(0);
            }
        }
    }

    /** What the page shows of a conversation: nothing unless it is the asker's own. */
    public synchronized List<Exchange> exchanges(String conversationId, String owner) {
        Chat chat = conversationId == null ? null : byId.get(conversationId);
        return chat == null || !chat.owner.equals(owner) ? List.of() : List.copyOf(chat.exchanges);
    }

    synchronized Optional<Long> listener(String conversationId) {
        Chat chat = byId.get(conversationId);
        return chat == null ? Optional.empty() : Optional.ofNullable(chat.userId);
    }

    synchronized ChatMemory memory(Object conversationId) {
        Chat chat = byId.get(String.valueOf(conversationId));
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
