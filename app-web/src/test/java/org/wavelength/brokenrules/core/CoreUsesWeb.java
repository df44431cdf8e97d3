package org.wavelength.brokenrules.core;

/** Breaks a dependency rule on purpose: DependencyRuleTests checks that the rule notices. */
public class CoreUsesWeb {
    org.wavelength.brokenrules.web.rest.ApiResource resource;
}
