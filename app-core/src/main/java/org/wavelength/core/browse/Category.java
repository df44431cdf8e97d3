package org.wavelength.core.browse;

import java.util.List;

/**
 * A category as the directory shows it: how many podcasts list it, the category it belongs to, and
 * its own subcategories, by name.
 *
 * @param parent null for a top-level category
 */
public record Category(String name, String parent, long podcasts, List<Category> subcategories) {

    public Category {
        subcategories = List.copyOf(subcategories);
    }
}
