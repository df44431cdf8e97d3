package org.wavelength.brokenrules.core.recommend;

/** Breaks a dependency rule on purpose: DependencyRuleTests checks that the rule notices. */
public class RecommendUsesSearch {
    org.wavelength.brokenrules.core.search.SearchUsesRecommend search;
}
