package org.wavelength.web.view;

import java.util.List;
import org.wavelength.core.browse.Category;

/**
 * A category: how many podcasts list it, the category it is in (null at the top level) and its
 * subcategories; {@code link} is its page.
 */
public record CategoryView(String name, String parent, long podcasts, List<CategoryView> subcategories, String link) {

    public static CategoryView of(Category c) {
        return new CategoryView(c.name(), c.parent(), c.podcasts(), c.subcategories().stream().map(CategoryView::of).toList(),
                Links.category(c.name()));
    }
}
