package org.wavelength.brokenrules.web.vector;

/** Breaks a dependency rule on purpose: DependencyRuleTests checks that the rule notices. */
public class VectorUsesEmbedding {
    org.wavelength.brokenrules.web.embedding.ModelUsesStore model;
}
