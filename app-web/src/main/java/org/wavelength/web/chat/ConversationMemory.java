package org.wavelength.web.chat;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.wavelength.core.port.SharedDocuments;

/**
 * The language model's message window of each conversation, in the {@link SharedDocuments}: the model's next
 * turn may be asked for on another replica. Expires with the conversation's idle time.
 */
final class ConversationMemory implements ChatMemoryStore {

    static final String KIND = "chat-memory";

    private final SharedDocuments documents;
    private final Clock clock;
    private final Duration idle;

    ConversationMemory(SharedDocuments documents, Clock clock, Duration idle) {
        this.documents = documents;
        this.clock = clock;
        this.idle = idle;
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        return documents.read(KIND, String.valueOf(memoryId), clock.instant())
                .map(ChatMessageDeserializer::messagesFromJson).orElse(List.of());
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        String document = ChatMessageSerializer.messagesToJson(messages);
        documents.update(KIND, String.valueOf(memoryId), clock.instant(),
                current -> new SharedDocuments.Change(document, clock.instant().plus(idle)));
    }

    @Override
    public void deleteMessages(Object memoryId) {
        documents.update(KIND, String.valueOf(memoryId), clock.instant(), current -> SharedDocuments.Change.DELETE);
    }
}
