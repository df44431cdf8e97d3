package org.wavelength.web.rest;

import io.quarkus.logging.Log;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.Interaction.Type;
import org.wavelength.core.domain.Interaction;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.InteractionStore;
import org.wavelength.core.recommend.UserProfiles;
import org.wavelength.web.security.UserAccount;

/**
 * The one way a listener's action is recorded, from the API and from the pages alike: checked,
 * stored, and the listener's profile refreshed so that the next recommendations follow it.
 */
@ApplicationScoped
public class ListenerActions {

    /** Listening and judging are about an episode; following is about a podcast; the rest can be either. */
    static final Set<Type> EPISODE_ONLY = EnumSet.of(Type.PLAY, Type.PROGRESS, Type.COMPLETE, Type.DISLIKE);
    static final Set<Type> PODCAST_ONLY = EnumSet.of(Type.SUBSCRIBE, Type.UNSUBSCRIBE);
    /** How far back the subscription state is looked for; a listener's newest actions come first. */
    static final int SUBSCRIPTION_HISTORY = 1000;

    private final UserProfiles profiles;
    private final InteractionStore interactions;
    private final CatalogueStore catalogue;
    private final Clock clock = Clock.systemUTC();

    public ListenerActions(UserProfiles profiles, InteractionStore interactions, CatalogueStore catalogue) {
        this.profiles = profiles;
        this.interactions = interactions;
        this.catalogue = catalogue;
    }

    /** Checks, stores and returns the interaction; {@code type} is a name as sent (any case). */
    public Interaction record(long userId, Long episodeId, Long podcastId, String typeName, Integer position) {
        Type type = type(typeName);
        if (position != null && position < 0) {
            throw new BadRequestException("positionSeconds cannot be negative; it was " + position + ".");
        }
        if (type == Type.PROGRESS && position == null) {
            throw new BadRequestException("PROGRESS says how far the listener got: send positionSeconds.");
        }
        if (episodeId == null && podcastId == null) {
            throw new BadRequestException("Name the episode (episodeId) or the podcast (podcastId) of the interaction.");
        }
        if (PODCAST_ONLY.contains(type) && episodeId != null) {
            throw new BadRequestException(type + " is about a podcast: send podcastId without episodeId.");
        }
        if (EPISODE_ONLY.contains(type) && episodeId == null) {
            throw new BadRequestException(type + " is about an episode: send episodeId"
                    + (type == Type.DISLIKE ? " (NOT_INTERESTED dismisses a whole podcast)." : "."));
        }
        long podcast;
        if (episodeId != null) {
            Episode episode = catalogue.episodes(List.of(episodeId)).stream().findFirst()
                    .orElseThrow(() -> new UnknownItemException("episode", episodeId));
            if (podcastId != null && podcastId != episode.podcastId()) {
                throw new BadRequestException("Episode " + episodeId + " belongs to podcast " + episode.podcastId()
                        + ", not to podcast " + podcastId + ".");
            }
            podcast = episode.podcastId();
        } else {
            podcast = podcastId;
            catalogue.podcast(podcast).orElseThrow(() -> new UnknownItemException("podcast", podcast));
        }
        Interaction interaction = new Interaction(userId, podcast, episodeId, type, position, clock.instant());
        interactions.record(interaction);
        refreshProfile(userId);
        return interaction;
    }

    /** Whether the listener's latest word on this podcast was SUBSCRIBE. */
    public boolean subscribed(long userId, long podcastId) {
        return interactions.recent(userId, SUBSCRIPTION_HISTORY).stream()
                .filter(i -> i.episodeId() == null && i.podcastId() != null && i.podcastId() == podcastId
                        && PODCAST_ONLY.contains(i.type()))
                .findFirst().map(i -> i.type() == Type.SUBSCRIBE).orElse(false);
    }

    /** Rewrites the listener's profile points; a failure must not undo what was stored: the next change or rebuild redoes it. */
    public void refreshProfile(long userId) {
        try {
            profiles.refresh(userId);
        } catch (RuntimeException e) {
            Log.warnf(e, "Could not refresh the profile vectors of user %d; they are rewritten at the next change", userId);
        }
    }

    public static long userId(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        return UserAccount.byUsername(identity.getPrincipal().getName()).map(account -> account.id)
                .orElseThrow(UnauthorizedException::new);
    }

    private static Type type(String name) {
        String allowed = Arrays.stream(Type.values()).map(Type::name).collect(Collectors.joining(", "));
        if (name == null || name.isBlank()) {
            throw new BadRequestException("type is one of " + allowed + ".");
        }
        try {
            return Type.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("type is one of " + allowed + "; it was " + name + ".");
        }
    }
}
