package org.wavelength.web.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import org.wavelength.core.assistant.AskConstraints;
import org.wavelength.core.assistant.CitedItem;
import org.wavelength.core.assistant.Conversation;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Passage;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.port.SettableClock;
import org.wavelength.core.port.SharedDocuments;
import org.wavelength.core.port.InMemorySharedDocuments;
import org.wavelength.web.view.Links;
import org.junit.jupiter.api.Test;
import org.wavelength.web.chat.Conversations.Chat;
import org.wavelength.web.chat.Conversations.Exchange;
import org.wavelength.web.view.ChatReply;

/** Who may continue a conversation, how long it lasts and how many are kept; time is moved by hand. */
class ConversationsTest {

    private static final Duration IDLE = Duration.ofHours(2);
    private static final int CAPACITY = 3;
    private static final String ANNA = "user:anna";
    private static final String STRANGER = "visitor:203.0.113.9";

    /** As Quarkus configures its own: java.time as text, unknown properties ignored. */
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-03T12:00:00Z"));
    private final List<String> released = new ArrayList<>();
    private final SharedDocuments documents = new InMemorySharedDocuments();
    private final Conversations conversations = new Conversations(documents, JSON, clock, CAPACITY, IDLE, released::add);

    @Test
    void theOwnersNextMessageContinuesTheirConversation() {
        Chat first = conversations.open(null, ANNA, 1L);

        assertThat(conversations.open(first.id(), ANNA, 1L)).isEqualTo(first);
        assertThat(conversations.listener(first.id())).contains(1L);
    }

    @Test
    void someoneElseWithTheIdStartsTheirOwnAndSeesNothingOfAnnas() {
        Chat annas = conversations.open(null, ANNA, 1L);
        conversations.answered(annas.id(), exchange("jazz"), null);

        Chat strangers = conversations.open(annas.id(), STRANGER, null);

        assertThat(strangers.id()).isNotEqualTo(annas.id());
        assertThat(conversations.exchanges(annas.id(), STRANGER)).isEmpty();
        assertThat(conversations.exchanges(annas.id(), ANNA)).extracting(Exchange::message).containsExactly("jazz");
        assertThat(conversations.open(annas.id(), ANNA, 1L)).isEqualTo(annas);
    }

    @Test
    void aConversationExpiresOnceItsOwnerSentNothingForTheIdleTime() {
        Chat chat = conversations.open(null, ANNA, 1L);
        conversations.answered(chat.id(), exchange("jazz"), null);
        advance(IDLE.minusMinutes(1));
        assertThat(conversations.open(chat.id(), ANNA, 1L)).isEqualTo(chat);
        advance(IDLE.minusMinutes(1));
        assertThat(conversations.open(chat.id(), ANNA, 1L)).isEqualTo(chat);
        assertThat(released).isEmpty();

        advance(IDLE.plusMinutes(1));

        assertThat(conversations.exchanges(chat.id(), ANNA)).isEmpty();
        assertThat(conversations.open(chat.id(), ANNA, 1L).id()).isNotEqualTo(chat.id());
        assertThat(released).containsExactly(chat.id());
    }

    @Test
    void neitherTheAnswersOwnWorkNorAStrangerKeepsAConversationAlive() {
        Chat chat = conversations.open(null, ANNA, 1L);
        advance(IDLE.minusMinutes(1));
        conversations.answered(chat.id(), exchange("jazz"), null);
        conversations.memory(chat.id());
        conversations.exchanges(chat.id(), ANNA);
        conversations.open(chat.id(), STRANGER, null);

        advance(Duration.ofMinutes(2));

        assertThat(conversations.open(chat.id(), ANNA, 1L).id()).isNotEqualTo(chat.id());
        assertThat(released).containsExactly(chat.id());
    }

    @Test
    void pastTheLimitConversationsAreLetGoWithTheirMemories() {
        List<Chat> chats = new ArrayList<>();
        for (int i = 0; i < CAPACITY + 2; i++) {
            Chat chat = conversations.open(null, ANNA, 1L);
            conversations.answered(chat.id(), exchange("message " + i), null);
            chats.add(chat);
        }

        assertThat(released).hasSize(2);
        for (Chat chat : chats) {
            boolean kept = !conversations.exchanges(chat.id(), ANNA).isEmpty();
            assertThat(kept).as(chat.id()).isEqualTo(!released.contains(chat.id()));
        }
    }

    @Test
    void thePageKeepsTheLatestExchanges() {
        Chat chat = conversations.open(null, ANNA, 1L);
        for (int i = 0; i <= Conversations.SHOWN_EXCHANGES; i++) {
            conversations.answered(chat.id(), exchange("message " + i), null);
        }

        List<Exchange> shown = conversations.exchanges(chat.id(), ANNA);

        assertThat(shown).hasSize(Conversations.SHOWN_EXCHANGES);
        assertThat(shown.get(0).message()).isEqualTo("message 1");
    }

    @Test
    void aFollowUpReachingAnotherReplicaFindsTheWholeConversation() {
        Podcast podcast = new Podcast(7, 7, "https://example.com/feed", "Retro Computer Hour", "Ada", "Old machines",
                "en", List.of("Technology"), null, null, false, 12);
        Episode episode = new Episode(70, 7, "guid-70", "The Analytical Engine", "Babbage", null,
                Instant.parse("2026-11-01T08:00:00Z"), 1800, null, null, null, null, null, null);
        CitedItem cited = new CitedItem(podcast, episode, new Passage(700, 70, 3, 61.5, 90, "Ada", "the engine"), "Why");
        AskConstraints asked = new AskConstraints("computing history", "en", null, 1200, null, false, null, null, null,
                false, ItemKind.EPISODE);
        Chat chat = conversations.open(null, ANNA, 1L);
        conversations.offer(chat.id(), List.of(cited));
        conversations.answered(chat.id(), exchange("computing history"), new Conversation(asked, null, List.of(cited)));

        // Another replica: its own Conversations over the same shared documents.
        Conversations other = new Conversations(documents, JSON, clock, CAPACITY, IDLE, id -> { });

        assertThat(other.open(chat.id(), ANNA, 1L)).isEqualTo(chat);
        assertThat(other.retrievalState(chat.id())).isEqualTo(new Conversation(asked, null, List.of(cited)));
        assertThat(other.offered(chat.id(), Links.of(cited))).contains(cited);
        assertThat(other.exchanges(chat.id(), ANNA)).containsExactly(exchange("computing history"));
        assertThat(other.listener(chat.id())).contains(1L);
    }

    private void advance(Duration duration) {
        clock.advance(duration);
    }

    private static Exchange exchange(String message) {
        return new Exchange(message, new ChatReply("any", ChatReply.RETRIEVAL, "An answer", List.of()));
    }
}
