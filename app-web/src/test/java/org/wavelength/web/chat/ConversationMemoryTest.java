package org.wavelength.web.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The language model's memory of a conversation is in the database, with the conversation. */
@QuarkusTest
class ConversationMemoryTest {

    @Inject
    Conversations conversations;

    @Test
    void theModelsMemoryIsReadBackFromTheDatabaseAndGoesWithItsConversation() {
        Conversations.Chat chat = conversations.open(null, "user:memory-test", null);
        conversations.memory(chat.id()).add(UserMessage.from("something on jazz"));
        conversations.memory(chat.id()).add(AiMessage.from("Here is [Jazz Hour](/podcasts/1)."));

        // A memory object made afresh, as another replica's would be, reads what the first one wrote.
        assertThat(conversations.memory(chat.id()).messages())
                .containsExactly(UserMessage.from("something on jazz"), AiMessage.from("Here is [Jazz Hour](/podcasts/1)."));

        conversations.memory(chat.id()).clear();
        assertThat(conversations.memory(chat.id()).messages()).isEmpty();
    }
}
