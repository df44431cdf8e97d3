package org.wavelength.web.page;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.wavelength.web.error.ErrorPage;
import org.wavelength.web.http.LocalPaths;
import org.wavelength.web.i18n.ChosenUiLanguage;
import org.wavelength.web.i18n.UiLanguage;
import org.wavelength.web.security.CurrentListener;

/**
 * The language switcher in every page's header: a plain form, so it works without JavaScript. The
 * browser keeps the choice in a cookie; a signed-in listener's account keeps it too.
 */
@Path("/ui-language")
@Produces(MediaType.TEXT_HTML)
public class LanguageSwitch {

    static final URI HOME = URI.create("/");

    private final ChosenUiLanguage chosen;
    private final CurrentListener listener;

    public LanguageSwitch(ChosenUiLanguage chosen, CurrentListener listener) {
        this.chosen = chosen;
        this.listener = listener;
    }

    /** Back to the page the form was on (post, redirect, get), if it is a page of this site ({@link LocalPaths}). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@RestForm String lang, @RestForm("return") String returnPath) {
        Optional<UiLanguage> language = UiLanguage.ofCode(lang);
        if (language.isEmpty()) {
            return ErrorPage.response(Response.Status.BAD_REQUEST, chosen.messages().unknownUiLanguage(String.valueOf(lang)));
        }
        listener.id().ifPresent(userId -> chosen.keep(userId, language));
        return Response.seeOther(LocalPaths.of(returnPath).map(URI::create).orElse(HOME)).cookie(chosen.cookie(language))
                .build();
    }
}
