package org.wavelength.web.page;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.wavelength.web.page.i18n.ChosenUiLanguage;
import org.wavelength.web.page.i18n.UiLanguage;
import org.wavelength.web.persistence.UiLanguageStore;

/**
 * The language switcher in every page's header: a plain form, so it works without JavaScript. The
 * browser keeps the choice in a cookie; a signed-in listener's account keeps it too.
 */
@Path("/ui-language")
@Produces(MediaType.TEXT_HTML)
public class LanguageSwitch {

    static final URI HOME = URI.create("/");

    private final ChosenUiLanguage chosen;
    private final UiLanguageStore store;
    private final SecurityIdentity identity;

    public LanguageSwitch(ChosenUiLanguage chosen, UiLanguageStore store, SecurityIdentity identity) {
        this.chosen = chosen;
        this.store = store;
        this.identity = identity;
    }

    /** Back to the page the form was on (post, redirect, get). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@RestForm String lang, @RestForm("return") String returnPath) {
        Optional<UiLanguage> language = UiLanguage.ofCode(lang);
        if (language.isEmpty()) {
            return ErrorPage.response(Response.Status.BAD_REQUEST, chosen.messages().unknownUiLanguage(String.valueOf(lang)));
        }
        Listeners.userId(identity).ifPresent(userId -> store.save(userId, language.get().code()));
        return Response.seeOther(localPath(returnPath)).cookie(chosen.cookie(language)).build();
    }

    /**
     * The return path if it stays on this site: an absolute path, not "//host" nor "/\host" (which
     * browsers read as another host), nor a URL with a scheme. Anything else goes home.
     */
    static URI localPath(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")
                || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return HOME;
        }
        try {
            URI uri = new URI(path);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? uri : HOME;
        } catch (URISyntaxException e) {
            return HOME;
        }
    }
}
