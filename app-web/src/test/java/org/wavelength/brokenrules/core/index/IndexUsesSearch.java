package org.wavelength.brokenrules.core.index;

/** Breaks a dependency rule on purpose: DependencyRuleTests checks that the rule notices. */
public class IndexUsesSearch {
    org.wavelength.brokenrules.core.search.SearchUsesRecommend search;
}
