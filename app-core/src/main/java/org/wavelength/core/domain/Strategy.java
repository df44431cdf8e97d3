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

    public static Strategy fromApiName(String name) {
        for (Strategy s : values()) {
            if (s.apiName().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown strategy " + name);
    }
}
