package org.wavelength.web.view;

import java.util.List;
import org.wavelength.core.browse.Category;

/** The top-level categories by name, each with its subcategories. */
public record CategoriesView(List<CategoryView> items) {

    public static CategoriesView of(List<Category> categories) {
        return new CategoriesView(categories.stream().map(CategoryView::of).toList());
    }
}
