package org.wavelength.web.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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

    private final AtomicLong nanos = new AtomicLong();
    private final List<String> released = new ArrayList<>();
    private final Conversations conversations = new Conversations(CAPACITY, IDLE, nanos::get, released::add);

    @Test
    void theOwnersNextMessageContinuesTheirConversation() {
        Chat first = conversations.open(null, ANNA, 1L);

        assertThat(conversations.open(first.id, ANNA, 1L)).isSameAs(first);
        assertThat(conversations.listener(first.id)).contains(1L);
    }

    @Test
    void someoneElseWithTheIdStartsTheirOwnAndSeesNothingOfAnnas() {
        Chat annas = conversations.open(null, ANNA, 1L);
        conversations.answered(annas.id, exchange("jazz"), null);

        Chat strangers = conversations.open(annas.id, STRANGER, null);

        assertThat(strangers.id).isNotEqualTo(annas.id);
        assertThat(conversations.exchanges(annas.id, STRANGER)).isEmpty();
        assertThat(conversations.exchanges(annas.id, ANNA)).extracting(Exchange::message).containsExactly("jazz");
        assertThat(conversations.open(annas.id, ANNA, 1L)).isSameAs(annas);
    }

    @Test
    void aConversationExpiresOnceItsOwnerSentNothingForTheIdleTime() {
        Chat chat = conversations.open(null, ANNA, 1L);
        conversations.answered(chat.id, exchange("jazz"), null);
        advance(IDLE.minusMinutes(1));
        assertThat(conversations.open(chat.id, ANNA, 1L)).isSameAs(chat);
        advance(IDLE.minusMinutes(1));
        assertThat(conversations.open(chat.id, ANNA, 1L)).isSameAs(chat);
        assertThat(released).isEmpty();

        advance(IDLE.plusMinutes(1));

        assertThat(conversations.exchanges(chat.id, ANNA)).isEmpty();
        assertThat(conversations.open(chat.id, ANNA, 1L).id).isNotEqualTo(chat.id);
        assertThat(released).containsExactly(chat.id);
    }

    @Test
    void neitherTheAnswersOwnWorkNorAStrangerKeepsAConversationAlive() {
        Chat chat = conversations.open(null, ANNA, 1L);
        advance(IDLE.minusMinutes(1));
        conversations.answered(chat.id, exchange("jazz"), null);
        conversations.memory(chat.id);
        conversations.exchanges(chat.id, ANNA);
        conversations.open(chat.id, STRANGER, null);

        advance(Duration.ofMinutes(2));

        assertThat(conversations.open(chat.id, ANNA, 1L).id).isNotEqualTo(chat.id);
        assertThat(released).containsExactly(chat.id);
    }

    @Test
    void pastTheLimitConversationsAreLetGoWithTheirMemories() {
        List<Chat> chats = new ArrayList<>();
        for (int i = 0; i < CAPACITY + 2; i++) {
            Chat chat = conversations.open(null, ANNA, 1L);
            conversations.answered(chat.id, exchange("message " + i), null);
            chats.add(chat);
        }

        assertThat(released).hasSize(2);
        for (Chat chat : chats) {
            boolean kept = !conversations.exchanges(chat.id, ANNA).isEmpty();
            assertThat(kept).as(chat.id).isEqualTo(!released.contains(chat.id));
        }
    }

    @Test
    void thePageKeepsTheLatestExchanges() {
        Chat chat = conversations.open(null, ANNA, 1L);
        for (int i = 0; i <= Conversations.SHOWN_EXCHANGES; i++) {
            conversations.answered(chat.id, exchange("message " + i), null);
        }

        List<Exchange> shown = conversations.exchanges(chat.id, ANNA);

        assertThat(shown).hasSize(Conversations.SHOWN_EXCHANGES);
        assertThat(shown.get(0).message()).isEqualTo("message 1");
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private static Exchange exchange(String message) {
        return new Exchange(message, new ChatReply("any", ChatReply.RETRIEVAL, "An answer", List.of()));
    }
}
