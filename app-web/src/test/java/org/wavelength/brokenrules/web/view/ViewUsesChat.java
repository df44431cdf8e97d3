package org.wavelength.brokenrules.web.view;

/** Breaks a dependency rule on purpose: DependencyRuleTests checks that the rule notices. */
public class ViewUsesChat {
    org.wavelength.brokenrules.web.chat.ChatUsesApi chat;
}
