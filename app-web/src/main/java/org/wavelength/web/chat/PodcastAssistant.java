package org.wavelength.web.chat;

import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;
import io.quarkiverse.langchain4j.RegisterAiService;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The chat's language model (any OpenAI-compatible endpoint), with the catalogue as its tools and one memory
 * per conversation. Only used when {@code wavelength.chat.llm-enabled} is true; {@link ChatService} falls
 * back to answering from search when it is off, times out or fails.
 */
@ApplicationScoped // request-scoped, it would clear the conversations' memories at the end of each request
@RegisterAiService(tools = CatalogueTools.class, chatMemoryProviderSupplier = Conversations.MemorySupplier.class,
        maxSequentialToolInvocations = 6)
@SystemMessage(fromResource = "prompts/podcast-assistant.txt")
public interface PodcastAssistant {

    /** The listener's words and, as context, the transcript passages that search found for them. */
    @UserMessage("""
            {request}

            <transcript-passages>
            {passages}
            </transcript-passages>""")
    Multi<String> answer(@MemoryId String conversationId, @V("request") String request, @V("passages") String passages);
}
