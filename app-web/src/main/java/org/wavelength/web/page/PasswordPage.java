package org.wavelength.web.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.wavelength.web.i18n.AppMessages;
import org.wavelength.web.i18n.ChosenUiLanguage;
import org.wavelength.web.security.CurrentListener;
import org.wavelength.web.security.PasswordChange;

/** A listener changes their password; every session ends with it, and they sign in again with the new one. */
@Path("/me/password")
@Produces(MediaType.TEXT_HTML)
public class PasswordPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance password(Viewer viewer, String error);
    }

    private final PasswordChange change;
    private final ChosenUiLanguage chosen;
    private final CurrentListener listener;
    private final String cookieName;

    public PasswordPage(PasswordChange change, ChosenUiLanguage chosen, CurrentListener listener,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential") String cookieName) {
        this.change = change;
        this.chosen = chosen;
        this.listener = listener;
        this.cookieName = cookieName;
    }

    @GET
    public TemplateInstance form() {
        listener.requireId();
        return Templates.password(Viewer.of(listener), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@RestForm String current, @RestForm String password, @RestForm String confirm,
            @Context HttpServerRequest request) {
        long id = listener.requireId();
        AppMessages messages = chosen.messages();
        String error = PasswordRule.problem(password, confirm, messages);
        if (error == null) {
            String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
            PasswordChange.Outcome outcome = change.change(id, current, password, address);
            error = switch (outcome.result()) {
                case CHANGED -> null;
                case WRONG_PASSWORD -> messages.currentPasswordWrong();
                case PAUSED -> messages.signInPaused(Math.max(1, (outcome.pause().toMillis() + 999) / 1000));
            };
        }
        if (error != null) {
            return Response.status(422).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.password(Viewer.of(listener), error)).build();
        }
        // Every session has ended, this one too: the cookie goes, and the sign-in page says why.
        NewCookie expired = new NewCookie.Builder(cookieName).path("/").maxAge(0).value("").build();
        String name = URLEncoder.encode(listener.username().orElseThrow(), StandardCharsets.UTF_8);
        return Response.seeOther(URI.create("/login?changed=" + name)).cookie(expired).build();
    }
}
