package org.wavelength.web.rest;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.wavelength.web.chat.ChatService;
import org.wavelength.web.view.ChatEvent;
import org.wavelength.web.view.ChatReply;
import org.wavelength.web.view.ChatRequest;

/** "Ask for a podcast" for scripts and for the chat page's streaming; open to visitors, with a smaller allowance. */
@Path("/api/chat")
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class ChatResource {

    private final ChatService chat;

    @Context
    HttpServerRequest request;

    public ChatResource(ChatService chat) {
        this.chat = chat;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for podcasts in plain words",
            description = "Answered by the configured language model (mode llm) or, when none is configured or it fails, "
                    + "from search (mode retrieval). Every cited item exists in the catalogue.")
    @APIResponse(responseCode = "200", description = "The answer and the items it cites")
    @APIResponse(responseCode = "400", description = "The message is missing, blank or too long")
    @APIResponse(responseCode = "429", description = "Too many messages this hour; Retry-After says when to come back")
    public ChatReply ask(ChatRequest body) {
        ChatService.Asker asker = admit(body);
        return chat.ask(asker, body.conversationId(), body.message().strip());
    }

    @POST
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "The same answer as server-sent events: start, tokens as they come, done with the checked answer")
    public Multi<ChatEvent> stream(ChatRequest body) {
        ChatService.Asker asker = admit(body);
        return chat.stream(asker, body.conversationId(), body.message().strip());
    }

    private ChatService.Asker admit(ChatRequest body) {
        ChatService.Asker asker = chat.asker(request.remoteAddress().hostAddress());
        chat.admit(asker, body == null ? null : body.message());
        return asker;
    }
}
