package org.wavelength.web.page;

import io.quarkus.qute.TemplateExtension;
import org.wavelength.web.view.Links;

/** The addresses of items, for templates: {@code {link:category(name)}}, {@code {link:language(code)}}. */
@TemplateExtension(namespace = "link")
public class PageLinks {

    static String category(String name) {
        return Links.category(name);
    }

    static String language(String language) {
        return Links.language(language);
    }

    static String person(long id) {
        return Links.person(id);
    }
}
