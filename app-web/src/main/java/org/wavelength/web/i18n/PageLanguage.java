package org.wavelength.web.i18n;

import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Puts the chosen interface language on every page: as the locale of each template instance, and as
 * the Content-Language of each HTML answer.
 *
 * <p>The locale is set where instances are created, not in a response filter: quarkus-rest-qute renders
 * a template a resource returns before any response filter runs. The {@code locale} attribute also wins
 * over the variant quarkus-rest-qute selects from Accept-Language alone, which message bundles otherwise
 * follow.
 */
@ApplicationScoped
public class PageLanguage {

    private final ChosenUiLanguage chosen;

    public PageLanguage(ChosenUiLanguage chosen) {
        this.chosen = chosen;
    }

    void setLocaleOfEveryTemplate(@Observes EngineBuilder builder) {
        builder.addTemplateInstanceInitializer(instance -> {
            if (inRequest()) {
                instance.setLocale(chosen.language().locale());
            }
        });
    }

    @ServerResponseFilter
    public void contentLanguage(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (inRequest() && type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, chosen.language().tag());
        }
    }

    /** Templates rendered outside a request (none yet, but mail or jobs could) keep the default, English. */
    private static boolean inRequest() {
        return Arc.container().requestContext().isActive();
    }
}
