package org.wavelength.web.rest.gpodder;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.wavelength.core.domain.InvalidInputException;
import org.wavelength.web.security.SyncSignIn;
import org.wavelength.web.sync.GpodderSync;

/** The gpodder Simple API: a device's (or all devices') subscriptions as OPML, JSON or plain text, and replaced whole. */
@Path("/subscriptions")
public class SimpleSubscriptionResource {

    private final SyncSignIn signIn;
    private final GpodderSync sync;
    private final ObjectMapper json;

    public SimpleSubscriptionResource(SyncSignIn signIn, GpodderSync sync, ObjectMapper json) {
        this.signIn = signIn;
        this.sync = sync;
        this.json = json;
    }

    @GET
    @Path("/{username}.{format}")
    public Response all(@PathParam("username") String username, @PathParam("format") String format) {
        long user = signIn.require(username);
        return answer(sync.subscriptions(user, null), format);
    }

    @GET
    @Path("/{username}/{deviceid}.{format}")
    public Response device(@PathParam("username") String username, @PathParam("deviceid") String deviceId,
            @PathParam("format") String format) {
        long user = signIn.require(username);
        GpodderSync.checkedDeviceId(deviceId);
        return answer(sync.subscriptions(user, deviceId), format);
    }

    @PUT
    @Path("/{username}/{deviceid}.{format}")
    @Consumes(MediaType.WILDCARD)
    public Response replace(@PathParam("username") String username, @PathParam("deviceid") String deviceId,
            @PathParam("format") String format, String body) {
        long user = signIn.require(username);
        List<String> urls = switch (format) {
            case "json" -> SyncBodies.read(json, body, new TypeReference<List<String>>() { }, "[\"https://example.com/feed.xml\"]");
            case "txt" -> body == null ? List.of() : body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            case "opml" -> SimpleFormats.opmlUrls(body);
            default -> throw unknownFormat(format);
        };
        sync.replace(user, deviceId, urls);
        return Response.ok().build();
    }

    private static Response answer(List<String> urls, String format) {
        return switch (format) {
            case "json" -> Response.ok(urls, MediaType.APPLICATION_JSON).build();
            case "txt" -> Response.ok(String.join("\n", urls) + (urls.isEmpty() ? "" : "\n"), MediaType.TEXT_PLAIN).build();
            case "opml" -> Response.ok(SimpleFormats.opml(urls), "text/x-opml; charset=utf-8").build();
            default -> throw unknownFormat(format);
        };
    }

    private static InvalidInputException unknownFormat(String format) {
        return new InvalidInputException("The format is opml, json or txt; it was " + format + ".");
    }
}
