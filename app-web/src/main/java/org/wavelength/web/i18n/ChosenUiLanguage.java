package org.wavelength.web.i18n;

import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.wavelength.core.domain.InvalidInputException;
import org.wavelength.web.persistence.UiLanguageStore;
import org.wavelength.web.security.SessionSubject;

/**
 * The interface language of this request, chosen in one place: the signed-in listener's saved
 * choice, else the {@value #COOKIE} cookie (a visitor who switched), else the best of the browser's
 * Accept-Language, else English. Templates read it as {@code {inject:ui...}}.
 */
@RequestScoped
@Named("ui")
public class ChosenUiLanguage {

    public static final String COOKIE = "ui-lang";
    static final Duration COOKIE_LIFE = Duration.ofDays(365);

    private final CurrentVertxRequest request;
    private final SecurityIdentity identity;
    private final UiLanguageStore store;
    private UiLanguage language;

    public ChosenUiLanguage(CurrentVertxRequest request, SecurityIdentity identity, UiLanguageStore store) {
        this.request = request;
        this.identity = identity;
        this.store = store;
    }

    public UiLanguage language() {
        if (language == null) {
            language = saved().or(this::fromCookie).orElseGet(this::fromBrowser);
        }
        return language;
    }

    public AppMessages messages() {
        return language().messages();
    }

    /** What was wrong with the input, in the visitor's language where the pages have words for the rule. */
    public String wording(InvalidInputException e) {
        AppMessages messages = messages();
        if (e instanceof UiLanguage.UnknownUiLanguageException) {
            return messages.unknownUiLanguage(e.value());
        }
        return switch (e.kind()) {
            case NOT_A_LANGUAGE_TAG -> messages.notALanguageCode(e.value());
            case TOO_MANY_LANGUAGES -> messages.tooManyLanguages(Integer.parseInt(e.value()));
            case INTERESTS_TOO_LONG -> messages.interestsTooLong(Integer.parseInt(e.value()));
            case OTHER -> e.getMessage();
        };
    }

    /** The account's saved choice; empty: automatic, or a visitor. */
    public Optional<UiLanguage> accountChoice() {
        return SessionSubject.username(identity).flatMap(store::uiLanguage).flatMap(UiLanguage::ofCode);
    }

    /** Keeps the choice with the account (empty: automatic); the page then also sets {@link #cookie}. */
    public void keep(long userId, Optional<UiLanguage> choice) {
        store.save(userId, choice.map(UiLanguage::code).orElse(null));
    }

    /** Where the language switcher brings the visitor back: this page, when it can be asked for again. */
    public String returnPath() {
        RoutingContext context = request.getCurrent();
        return context != null && "GET".equals(context.request().method().name()) ? context.request().uri() : "/";
    }

    /** The cookie that keeps a choice for this browser; none (an expired cookie) lets the other sources speak. */
    public NewCookie cookie(Optional<UiLanguage> choice) {
        RoutingContext context = request.getCurrent();
        boolean https = context != null && "https".equals(context.request().scheme());
        return new NewCookie.Builder(COOKIE).value(choice.map(UiLanguage::code).orElse("")).path("/")
                .maxAge(choice.isPresent() ? (int) COOKIE_LIFE.toSeconds() : 0).httpOnly(true).secure(https)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    /**
     * The account's choice. Reading it needs the database, which an error answered before routing
     * (on the event loop) cannot wait for: such a page goes by the cookie and the browser.
     */
    private Optional<UiLanguage> saved() {
        return BlockingOperationControl.isBlockingAllowed() ? accountChoice() : Optional.empty();
    }

    private Optional<UiLanguage> fromCookie() {
        RoutingContext context = request.getCurrent();
        Cookie cookie = context == null ? null : context.request().getCookie(COOKIE);
        return cookie == null ? Optional.empty() : UiLanguage.ofCode(cookie.getValue());
    }

    private UiLanguage fromBrowser() {
        RoutingContext context = request.getCurrent();
        if (context == null) {
            return UiLanguage.EN;
        }
        List<Locale> acceptable = context.acceptableLanguages().stream().filter(l -> l.weight() > 0)
                .map(l -> Locale.forLanguageTag(l.value())).toList();
        return UiLanguage.bestMatch(acceptable);
    }
}
