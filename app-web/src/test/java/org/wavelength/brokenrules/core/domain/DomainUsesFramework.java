package org.wavelength.brokenrules.core.domain;

/** Breaks a dependency rule on purpose: DependencyRuleTests checks that the rule notices. */
@jakarta.ws.rs.Path("/")
public class DomainUsesFramework {
    org.wavelength.brokenrules.core.port.PortUsesIndex port;
}
