package org.wavelength.core.domain;

/**
 * Where a recommendation came from. The first four can be asked for; the last three feed the blend
 * (subscriptions) and the cold start (nothing known about the listener).
 */
public enum Strategy {
    BLEND, PROFILE, RECENT, SIMILAR_USERS, FOLLOWING, POPULAR, NEW;

    /** The name used in the API: {@code similar-users}. */
    public String apiName() {
        return name().toLowerCase().replace('_', '-');
    }
}
