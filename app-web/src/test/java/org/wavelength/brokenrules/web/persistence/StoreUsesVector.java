package org.wavelength.brokenrules.web.persistence;

/** Breaks a dependency rule on purpose: DependencyRuleTests checks that the rule notices. */
public class StoreUsesVector {
    org.wavelength.brokenrules.web.vector.VectorUsesEmbedding vector;
}
