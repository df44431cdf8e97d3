package org.wavelength.web.page;

import org.wavelength.web.input.Paging;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.web.i18n.ChosenUiLanguage;
import org.wavelength.web.security.CurrentListener;
import org.wavelength.web.security.UserAccount;

/** Accounts and their roles; an admin grants and revokes the admin role (never their own). */
@Path("/admin/users")
@RolesAllowed(UserAccount.ROLE_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminUsersPage {

    static final int PAGE_SIZE = 100;

    public record UserRow(long id, String username, List<String> roles, boolean admin, boolean self, Instant createdAt) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(Viewer viewer, List<UserRow> users, long total, int page, boolean hasNext,
                String message, String error);
    }

    private final ChosenUiLanguage chosen;
    private final CurrentListener listener;

    public AdminUsersPage(ChosenUiLanguage chosen, CurrentListener listener) {
        this.chosen = chosen;
        this.listener = listener;
    }

    @GET
    public TemplateInstance list(@QueryParam("page") @DefaultValue("0") int page, @QueryParam("message") String message,
            @QueryParam("error") String error) {
        int p = Math.max(page, 0);
        Paging.check(p, PAGE_SIZE);
        String me = listener.username().orElseThrow();
        List<UserAccount> accounts = UserAccount.<UserAccount>findAll(io.quarkus.panache.common.Sort.by("username"))
                .page(p, PAGE_SIZE).list();
        long total = UserAccount.count();
        List<UserRow> rows = accounts.stream().map(a -> {
            List<String> roles = roles(a.roles).stream().toList();
            return new UserRow(a.id, a.username, roles, roles.contains(UserAccount.ROLE_ADMIN), a.username.equals(me),
                    a.createdAt);
        }).toList();
        return Templates.users(Viewer.of(listener), rows, total, p, (long) (p + 1) * PAGE_SIZE < total, message, error);
    }

    @POST
    @Path("/{id}/admin")
    @Transactional
    public Response setAdmin(@PathParam("id") long id, @RestForm String action) {
        UserAccount account = UserAccount.<UserAccount>findByIdOptional(id)
                .orElseThrow(() -> new UnknownItemException("user", id));
        Set<String> roles = roles(account.roles);
        if ("grant".equals(action)) {
            roles.add(UserAccount.ROLE_ADMIN);
            roles.add(UserAccount.ROLE_USER);
            account.roles = String.join(",", roles);
            return backWith("message", chosen.messages().nowAnAdmin(account.username));
        }
        if ("revoke".equals(action)) {
            // Otherwise the last admin could lock everyone out of administration.
            if (account.username.equals(listener.username().orElseThrow())) {
                return backWith("error", chosen.messages().cannotRevokeOwnRole());
            }
            roles.remove(UserAccount.ROLE_ADMIN);
            roles.add(UserAccount.ROLE_USER);
            account.roles = String.join(",", roles);
            return backWith("message", chosen.messages().noLongerAnAdmin(account.username));
        }
        return backWith("error", chosen.messages().chooseGrantOrRevoke());
    }

    static Set<String> roles(String roles) {
        Set<String> set = new LinkedHashSet<>();
        if (roles != null) {
            Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).forEach(set::add);
        }
        return set;
    }

    private static Response backWith(String kind, String text) {
        return Response.seeOther(URI.create("/admin/users?" + kind + "=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("+", "%20"))) // %20: every client reads it as a space
                .build();
    }
}
