package org.wavelength.web.page;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.wavelength.core.domain.Digests;
import org.wavelength.core.domain.EpisodeRecommendation;
import org.wavelength.core.domain.FeedContent;
import org.wavelength.core.domain.Strategy;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.VectorFilter;
import org.wavelength.core.recommend.Recommendations;
import org.wavelength.web.security.ForYouFeedAddresses;
import org.wavelength.web.view.ForYouRss;

/**
 * A listener's "For you" podcast feed, for any podcast app: their recommendations (the service /api/me/recommendations
 * and the home page use, so nothing heard, disliked or dismissed), as RSS. The address's token is the only
 * credential; an unknown or turned-off one is a plain 404. Polling apps get 304 while the list is unchanged.
 */
@Path("/feeds/for-you/{token}.xml")
public class ForYouFeed {

    static final int ITEMS = 30;
    static final String TYPE = "application/rss+xml; charset=UTF-8";

    private final ForYouFeedAddresses addresses;
    private final Recommendations recommendations;
    private final CatalogueStore catalogue;
    public ForYouFeed(ForYouFeedAddresses addresses, Recommendations recommendations, CatalogueStore catalogue) {
        this.addresses = addresses;
        this.recommendations = recommendations;
        this.catalogue = catalogue;
    }

    @GET
    @Produces(TYPE)
    public Response feed(@PathParam("token") String token, @Context UriInfo uri, @Context Request request) {
        long userId = addresses.owner(token).orElseThrow(NotFoundException::new);
        List<EpisodeRecommendation> recommended = recommendations.recommend(
                new Recommendations.Request(userId, Strategy.BLEND, ITEMS, VectorFilter.ALL));
        Map<Long, List<FeedContent.Enclosure>> enclosures = catalogue.enclosures(
                recommended.stream().map(r -> r.episode().id()).toList());
        URI base = uri.getBaseUri();
        List<ForYouRss.Item> items = recommended.stream()
                .map(r -> ForYouRss.Item.of(r, enclosures.getOrDefault(r.episode().id(), List.of()),
                        base.resolve("episodes/" + r.episode().id()).toString()))
                .filter(Objects::nonNull).toList();
        // The reasons are worded in English, as on the API.
        String language = "en";
        ForYouRss.Channel unbuilt = channel(base, token, language, Instant.EPOCH);
        // The validators are the content's: the same list gives the same ETag and the time it first appeared.
        String hash = Digests.sha256Hex(ForYouRss.write(unbuilt, items));
        Instant changed = addresses.changedAt(userId, hash);
        EntityTag etag = new EntityTag(hash);
        CacheControl revalidate = new CacheControl();
        revalidate.setPrivate(true);
        revalidate.setNoCache(true);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(Date.from(changed), etag);
        Response.ResponseBuilder answer = unchanged != null ? unchanged
                : Response.ok(ForYouRss.write(channel(base, token, language, changed), items), TYPE);
        return answer.tag(etag).lastModified(Date.from(changed)).cacheControl(revalidate)
                .header("X-Robots-Tag", "noindex").build();
    }

    private static ForYouRss.Channel channel(URI base, String token, String language, Instant built) {
        return new ForYouRss.Channel("For you, on Wavelength",
                "Episodes Wavelength recommends for you, each with the reason it was chosen. Private: this address is yours.",
                base.toString(), base.resolve("feeds/for-you/" + token + ".xml").toString(),
                base.resolve("img/for-you.png").toString(), language, built);
    }

}
