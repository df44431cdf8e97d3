package org.wavelength.brokenrules.web.page;

/** Breaks a dependency rule on purpose: DependencyRuleTests checks that the rule notices. */
public class PageUsesApi {
    org.wavelength.brokenrules.web.rest.ApiResource api;
}
