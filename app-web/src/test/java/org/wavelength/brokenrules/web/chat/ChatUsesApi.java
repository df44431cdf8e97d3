package org.wavelength.brokenrules.web.chat;

/** Breaks a dependency rule on purpose: DependencyRuleTests checks that the rule notices. */
public class ChatUsesApi {
    org.wavelength.brokenrules.web.rest.ApiResource api;
}
