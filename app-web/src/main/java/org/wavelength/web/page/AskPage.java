package org.wavelength.web.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.wavelength.core.domain.InvalidInputException;
import org.wavelength.web.chat.ChatService;
import org.wavelength.web.chat.Conversations;
import org.wavelength.web.config.WavelengthConfig;
import org.wavelength.web.http.TooManyRequestsException;
import org.wavelength.web.security.CurrentListener;

/**
 * "Ask for a podcast": the conversation so far and a message box. Without JavaScript the form posts and the
 * page comes back with the answer; with it, /js/ask.js streams the answer from /api/chat/stream.
 */
@Path("/ask")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class AskPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ask(Viewer viewer, String conversationId, List<Conversations.Exchange> exchanges,
                boolean llm, int maxLength, String error, String message);
    }

    private final ChatService chat;
    private final Conversations conversations;
    private final WavelengthConfig.Chat config;

    @Context
    HttpServerRequest request;

    private final CurrentListener listener;

    public AskPage(ChatService chat, Conversations conversations, CurrentListener listener, WavelengthConfig config) {
        this.chat = chat;
        this.conversations = conversations;
        this.listener = listener;
        this.config = config.chat();
    }

    @GET
    public TemplateInstance page(@QueryParam("c") String conversationId) {
        return render(conversationId, null, "");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ask(@RestForm String message, @RestForm String conversationId) {
        ChatService.Asker asker = asker();
        try {
            chat.admit(asker, message);
        } catch (InvalidInputException | TooManyRequestsException e) {
            int status = e instanceof InvalidInputException ? 400 : 429;
            return Response.status(status).entity(render(conversationId, e.getMessage(), message == null ? "" : message))
                    .build();
        }
        String id = chat.ask(asker, conversationId, message.strip()).conversationId();
        // Post, redirect, get: reloading the page shows the answer without asking again.
        return Response.seeOther(UriBuilder.fromPath("/ask").queryParam("c", id).fragment("latest").build()).build();
    }

    private TemplateInstance render(String conversationId, String error, String message) {
        List<Conversations.Exchange> exchanges = conversations.exchanges(conversationId, asker().key());
        return Templates.ask(Viewer.of(listener), exchanges.isEmpty() ? null : conversationId, exchanges,
                config.llmEnabled(), config.maxMessageLength(), error, message);
    }

    private ChatService.Asker asker() {
        return chat.asker(request.remoteAddress().hostAddress());
    }
}
