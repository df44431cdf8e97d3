package org.wavelength.web.view;

/** A message to the chat; {@code conversationId} continues a conversation this asker started, absent a new one begins. */
public record ChatRequest(String message, String conversationId) {
}
