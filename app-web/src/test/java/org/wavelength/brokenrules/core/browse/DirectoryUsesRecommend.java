package org.wavelength.brokenrules.core.browse;

/** Breaks a dependency rule on purpose: DependencyRuleTests checks that the rule notices. */
public class DirectoryUsesRecommend {
    org.wavelength.brokenrules.core.recommend.RecommendUsesSearch recommend;
}
