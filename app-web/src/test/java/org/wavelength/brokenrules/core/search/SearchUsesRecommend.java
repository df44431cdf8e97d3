package org.wavelength.brokenrules.core.search;

/** Breaks a dependency rule on purpose: DependencyRuleTests checks that the rule notices. */
public class SearchUsesRecommend {
    org.wavelength.brokenrules.core.recommend.RecommendUsesSearch recommend;
}
