package org.wavelength.web.chat;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.wavelength.core.assistant.Citations;
import org.wavelength.core.assistant.CitedItem;
import org.wavelength.core.assistant.RetrievalAssistant;
import org.wavelength.core.domain.InvalidInputException;
import org.wavelength.core.domain.ReadableText;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.search.CatalogueSearch;
import org.wavelength.web.config.WavelengthConfig;
import org.wavelength.web.http.TooManyRequestsException;
import org.wavelength.web.security.CurrentListener;
import org.wavelength.web.view.ChatEvent;
import org.wavelength.web.view.ChatReply;
import org.wavelength.web.view.Links;

/**
 * Answers "ask for a podcast": with the language model when one is configured, else (and whenever the model
 * times out or fails) from search, saying so. Whatever answered, the reply cites only items that exist.
 */
@ApplicationScoped
public class ChatService {

    /** Transcript passages that search finds for the message, given to the model as context. */
    static final int CONTEXT_PASSAGES = 3;

    /** Who asks: a signed-in listener (userId set) or a visitor, known by network address. */
    public record Asker(String key, Long userId) {
    }

    private final PodcastAssistant assistant;
    private final CatalogueSearch search;
    private final Conversations conversations;
    private final WavelengthConfig.Chat config;

    private final CurrentListener listener;
    private final ChatRateLimiter limiter;
    private final RetrievalAssistant retrieval;
    private final Citations citations;

    public ChatService(PodcastAssistant assistant, CatalogueSearch search, Conversations conversations,
            ChatRateLimiter limiter, RetrievalAssistant retrieval, Citations citations, CurrentListener listener,
            WavelengthConfig config) {
        this.listener = listener;
        this.assistant = assistant;
        this.retrieval = retrieval;
        this.citations = citations;
        this.limiter = limiter;
        this.search = search;
        this.conversations = conversations;
        this.config = config.chat();
    }

    /** Who makes this request: the signed-in listener, else the visitor at this network address. */
    public Asker asker(String remoteAddress) {
        return listener.username().map(name -> new Asker("user:" + name, listener.id().orElse(null)))
                .orElseGet(() -> new Asker("visitor:" + remoteAddress, null));
    }

    /** Checks the message and takes it from the asker's hourly allowance; throws what the caller shows. */
    public void admit(Asker asker, String message) {
        if (message == null || message.isBlank()) {
            throw new InvalidInputException("Say what you would like to listen to: the message is missing or blank.");
        }
        if (!ReadableText.hasWords(message)) {
            throw new InvalidInputException("Say what you would like to listen to in words: the message holds no letters, "
                    + "digits or symbols, only characters that cannot be read.");
        }
        if (message.length() > config.maxMessageLength()) {
            throw new InvalidInputException("A message is at most " + config.maxMessageLength() + " characters; this one has "
                    + message.length() + ".");
        }
        boolean visitor = asker.userId() == null;
        limiter.acquire(asker.key(), visitor ? config.anonymousMessagesPerHour() : config.messagesPerHour())
                .ifPresent(wait -> {
                    throw new TooManyRequestsException("You have sent as many messages as an hour allows"
                            + (visitor ? " for visitors; signing in allows more" : "") + ". Try again in "
                            + Math.max(1, (wait.toSeconds() + 59) / 60) + " min.", wait);
                });
    }

    /** The answer as events; the caller has checked the message and the asker's allowance. Blocking: call off the event loop. */
    public Multi<ChatEvent> stream(Asker asker, String conversationId, String sent) {
        String message = ReadableText.of(sent);
        Conversations.Chat chat = conversations.open(conversationId, asker.key(), asker.userId());
        if (!config.llmEnabled()) {
            ChatReply reply = retrieval(chat, message, null);
            return Multi.createFrom().items(ChatEvent.start(chat.id(), ChatReply.RETRIEVAL),
                    ChatEvent.token(reply.answer()), ChatEvent.done(reply));
        }
        StringBuilder answer = new StringBuilder();
        Multi<ChatEvent> tokens = assistant.answer(chat.id(), message, contextPassages(message))
                .ifNoItem().after(config.llmTimeout()).failWith(() -> new TimeoutException(
                        "no answer from the language model within " + config.llmTimeout().toSeconds() + " s"))
                .onItem().invoke(answer::append)
                .map(ChatEvent::token);
        // The check reads the catalogue: on a worker thread, not on the I/O thread that delivered the last token.
        Multi<ChatEvent> done = Multi.createFrom().item(() -> ChatEvent.done(checked(chat, message, answer.toString())))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        Multi<ChatEvent> llm = Multi.createBy().concatenating().streams(tokens, done)
                .onFailure().recoverWithMulti(failure -> {
                    Log.warnf(failure, "The language model failed in conversation %s; search answers instead", chat.id());
                    return Multi.createFrom().item(() -> ChatEvent.done(retrieval(chat, message, failure)))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
                });
        return Multi.createBy().concatenating().streams(
                Multi.createFrom().item(ChatEvent.start(chat.id(), ChatReply.LLM)), llm);
    }

    /** The whole answer at once, for the JSON API. */
    public ChatReply ask(Asker asker, String conversationId, String message) {
        return stream(asker, conversationId, message).filter(e -> e.reply() != null).collect().last()
                .await().atMost(config.llmTimeout().multipliedBy(3).plus(Duration.ofSeconds(30))).reply();
    }

    /** Search answers: no model is configured, or it failed (then the answer says so first). */
    private ChatReply retrieval(Conversations.Chat chat, String message, Throwable failure) {
        RetrievalAssistant.Answer answer = retrieval.answer(chat.userId(), message, conversations.retrievalState(chat.id()));
        String text = failure == null ? answer.text() : answer.text().replace(RetrievalAssistant.NO_MODEL,
                "The language model " + (failure instanceof TimeoutException ? "took too long" : "failed"));
        ChatReply reply = new ChatReply(chat.id(), ChatReply.RETRIEVAL, text, answer.items().stream().map(ChatReply.Item::of).toList());
        conversations.answered(chat.id(), new Conversations.Exchange(message, reply), answer.conversation());
        return reply;
    }

    /** The model's answer with only the links that exist; an item a tool offered keeps the tool's reason. */
    private ChatReply checked(Conversations.Chat chat, String message, String answer) {
        Citations.Checked checked = citations.check(answer);
        List<ChatReply.Item> items = checked.items().stream()
                .map(item -> conversations.offered(chat.id(), Links.of(item)).map(offered -> item.withReason(offered.reason()))
                        .orElse(item))
                .map(ChatReply.Item::of).toList();
        ChatReply reply = new ChatReply(chat.id(), ChatReply.LLM, checked.text(), items);
        conversations.answered(chat.id(), new Conversations.Exchange(message, reply), null);
        return reply;
    }

    private String contextPassages(String message) {
        try {
            return search.search(CatalogueSearch.Query.of(message, EnumSet.of(ItemKind.PASSAGE), VectorFilter.ALL,
                    CONTEXT_PASSAGES)).stream()
                    .map(hit -> "- from “" + UntrustedText.quote(hit.episode().title(), 120) + "” (" 
                            + Links.of(new CitedItem(hit.podcast(), hit.episode(), hit.passage(), "")) + "): "
                            + UntrustedText.quote(hit.passage().text(), 400))
                    .collect(Collectors.joining("\n"));
        } catch (RuntimeException e) {
            Log.warnf(e, "No transcript passages for the chat's context");
            return "";
        }
    }
}
