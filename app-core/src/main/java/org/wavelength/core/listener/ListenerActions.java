package org.wavelength.core.listener;

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
import org.wavelength.core.domain.InvalidInputException;
import org.wavelength.core.domain.Preferences;
import org.wavelength.core.domain.UnknownItemException;
import org.wavelength.core.port.CatalogueStore;
import org.wavelength.core.port.InteractionStore;
import org.wavelength.core.port.PreferenceStore;
import org.wavelength.core.recommend.UserProfiles;

/**
 * The one way what a listener does and chooses is recorded, from the API and from the pages alike:
 * checked, stored, and the listener's profile refreshed so that the next recommendations follow it.
 */
public class ListenerActions {

    /** Listening and judging are about an episode; following is about a podcast; the rest can be either. */
    static final Set<Type> EPISODE_ONLY = EnumSet.of(Type.PLAY, Type.PROGRESS, Type.COMPLETE, Type.DISLIKE);
    static final Set<Type> PODCAST_ONLY = EnumSet.of(Type.SUBSCRIBE, Type.UNSUBSCRIBE);

    private static final System.Logger LOG = System.getLogger(ListenerActions.class.getName());

    private final UserProfiles profiles;
    private final InteractionStore interactions;
    private final PreferenceStore preferences;
    private final CatalogueStore catalogue;
    private final Clock clock;

    public ListenerActions(UserProfiles profiles, InteractionStore interactions, PreferenceStore preferences,
            CatalogueStore catalogue, Clock clock) {
        this.profiles = profiles;
        this.interactions = interactions;
        this.preferences = preferences;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /**
     * Checks, stores and returns the interaction; {@code typeName} is a name as sent (any case).
     *
     * @throws InvalidInputException when the interaction cannot be meant as sent
     * @throws UnknownItemException when the episode or podcast does not exist
     */
    public Interaction record(long userId, Long episodeId, Long podcastId, String typeName, Integer position) {
        Type type = type(typeName);
        if (position != null && position < 0) {
            throw new InvalidInputException("positionSeconds cannot be negative; it was " + position + ".");
        }
        if (type == Type.PROGRESS && position == null) {
            throw new InvalidInputException("PROGRESS says how far the listener got: send positionSeconds.");
        }
        if (episodeId == null && podcastId == null) {
            throw new InvalidInputException("Name the episode (episodeId) or the podcast (podcastId) of the interaction.");
        }
        if (PODCAST_ONLY.contains(type) && episodeId != null) {
            throw new InvalidInputException(type + " is about a podcast: send podcastId without episodeId.");
        }
        if (EPISODE_ONLY.contains(type) && episodeId == null) {
            throw new InvalidInputException(type + " is about an episode: send episodeId"
                    + (type == Type.DISLIKE ? " (NOT_INTERESTED dismisses a whole podcast)." : "."));
        }
        long podcast;
        if (episodeId != null) {
            Episode episode = catalogue.episodes(List.of(episodeId)).stream().findFirst()
                    .orElseThrow(() -> new UnknownItemException("episode", episodeId));
            if (podcastId != null && podcastId != episode.podcastId()) {
                throw new InvalidInputException("Episode " + episodeId + " belongs to podcast " + episode.podcastId()
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

    /** Stores the listener's preferences (checked by {@link Preferences#checked}) and follows them at once. */
    public void savePreferences(long userId, Preferences chosen) {
        preferences.save(userId, chosen);
        refreshProfile(userId);
    }

    /** Rewrites the listener's profile points; a failure must not undo what was stored: the next change or rebuild redoes it. */
    private void refreshProfile(long userId) {
        try {
            profiles.refresh(userId);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not refresh the profile vectors of user " + userId
                    + "; they are rewritten at the next change", e);
        }
    }

    private static Type type(String name) {
        String allowed = Arrays.stream(Type.values()).map(Type::name).collect(Collectors.joining(", "));
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("type is one of " + allowed + ".");
        }
        try {
            return Type.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("type is one of " + allowed + "; it was " + name + ".");
        }
    }
}
