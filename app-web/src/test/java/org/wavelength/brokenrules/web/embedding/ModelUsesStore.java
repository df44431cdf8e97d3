package org.wavelength.brokenrules.web.embedding;

/** Breaks a dependency rule on purpose: DependencyRuleTests checks that the rule notices. */
public class ModelUsesStore {
    org.wavelength.brokenrules.web.persistence.StoreUsesVector store;
}
