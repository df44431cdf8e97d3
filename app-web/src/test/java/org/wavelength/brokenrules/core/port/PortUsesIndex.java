package org.wavelength.brokenrules.core.port;

/** Breaks a dependency rule on purpose: DependencyRuleTests checks that the rule notices. */
public class PortUsesIndex {
    org.wavelength.brokenrules.core.index.IndexUsesSearch index;
}
