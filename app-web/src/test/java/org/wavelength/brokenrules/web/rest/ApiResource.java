package org.wavelength.brokenrules.web.rest;

/** Breaks a dependency rule on purpose: DependencyRuleTests checks that the rule notices. */
public class ApiResource {
    org.wavelength.brokenrules.web.page.PageUsesApi page;
    org.wavelength.brokenrules.web.persistence.StoreUsesVector store;

    /** An API record outside the view package. */
    public record Reply(String text) {
    }
}
