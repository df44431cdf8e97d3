package org.wavelength.web.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;
import org.wavelength.core.domain.ConflictException;
import org.wavelength.web.i18n.AppMessages;
import org.wavelength.web.i18n.ChosenUiLanguage;
import org.wavelength.web.security.CurrentListener;
import org.wavelength.web.security.UserAccount;

/** Sign up: a listener account (role user); then the sign-in page, with the new name filled in. */
@Path("/signup")
@Produces(MediaType.TEXT_HTML)
public class SignupPage {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,40}");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signup(Viewer viewer, String username, String error);
    }

    private final ChosenUiLanguage chosen;
    private final CurrentListener listener;

    public SignupPage(ChosenUiLanguage chosen, CurrentListener listener) {
        this.chosen = chosen;
        this.listener = listener;
    }

    @GET
    public TemplateInstance form() {
        return Templates.signup(Viewer.of(listener), "", null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signup(@RestForm String username, @RestForm String password, @RestForm String confirm) {
        String name = username == null ? "" : username.strip();
        AppMessages messages = chosen.messages();
        String error = problem(name, password, confirm, messages);
        // Names that differ only in case would be told apart by no one reading them: one of each.
        if (error == null && UserAccount.nameTaken(name)) {
            error = messages.userNameTaken(name);
        }
        if (error == null) {
            try {
                UserAccount.register(name, password, UserAccount.ROLE_USER);
                return Response.seeOther(URI.create("/login?created=" + name)).build();
            } catch (ConflictException e) {
                error = messages.userNameTaken(name); // signed up a moment ago by someone else
            }
        }
        // The form again, with the name kept and the reason; 422 so that scripts see the refusal.
        return Response.status(422).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.signup(Viewer.of(listener), name, error)).build();
    }

    static String problem(String username, String password, String confirm, AppMessages messages) {
        if (!USERNAME.matcher(username).matches()) {
            return messages.userNameRule();
        }
        return PasswordRule.problem(password, confirm, messages);
    }
}
