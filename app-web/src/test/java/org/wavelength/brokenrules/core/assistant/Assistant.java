package org.wavelength.brokenrules.core.assistant;

/** Breaks a dependency rule on purpose: DependencyRuleTests checks that the rule notices. */
public class Assistant {
}
