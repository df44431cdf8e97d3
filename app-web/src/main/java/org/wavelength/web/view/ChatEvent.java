package org.wavelength.web.view;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One server-sent event of a streamed answer: "start" (the conversation and the mode), then "token"s of text
 * as they come, then "done" with the checked answer. A "done" in retrieval mode after "llm" tokens replaces
 * what was streamed: the model failed midway and search answered instead.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatEvent(String type, String conversationId, String mode, String text, ChatReply reply) {

    public static ChatEvent start(String conversationId, String mode) {
        return new ChatEvent("start", conversationId, mode, null, null);
    }

    public static ChatEvent token(String text) {
        return new ChatEvent("token", null, null, text, null);
    }

    public static ChatEvent done(ChatReply reply) {
        return new ChatEvent("done", reply.conversationId(), reply.mode(), null, reply);
    }
}
