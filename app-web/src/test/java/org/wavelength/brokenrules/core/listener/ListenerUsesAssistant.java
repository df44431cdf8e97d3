package org.wavelength.brokenrules.core.listener;

/** Breaks a dependency rule on purpose: DependencyRuleTests checks that the rule notices. */
public class ListenerUsesAssistant {
    org.wavelength.brokenrules.core.assistant.Assistant assistant;
}
