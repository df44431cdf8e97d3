package org.wavelength.brokenrules.ingest;

/** Breaks a dependency rule on purpose: DependencyRuleTests checks that the rule notices. */
public class IngestUsesWeb {
    org.wavelength.brokenrules.web.page.PageUsesApi page;
}
