package org.wavelength.core.domain;

import java.util.Set;

/** A listener or an admin. */
public record User(long id, String username, Set<Role> roles) {

    public enum Role { USER, ADMIN }

    public User {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }
}
