package org.wavelength.core.assistant;

import java.util.List;

/**
 * What a follow-up needs of the conversation so far: the request the last answer was for (with
 * follow-ups applied), the item it was asked to be like, resolved once, and the items it cited,
 * which "the second one" points at. Immutable: the caller keeps it per conversation and passes it
 * back with the next message.
 *
 * @param request   {@link AskConstraints#NONE} before the first answer
 * @param reference the podcast (or episode) the last request was to be like, or null
 * @param items     the last answer's items, in order
 */
public record Conversation(AskConstraints request, CitedItem reference, List<CitedItem> items) {

    public static final Conversation NEW = new Conversation(AskConstraints.NONE, null, List.of());

    public Conversation {
        request = request == null ? AskConstraints.NONE : request;
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Whether there was an answer before. */
    public boolean hasPrevious() {
        return !request.isEmpty() || !items.isEmpty();
    }
}
