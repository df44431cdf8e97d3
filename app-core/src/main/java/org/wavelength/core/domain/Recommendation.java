package org.wavelength.core.domain;

/** An item chosen for someone, with the score that ranked it and a reason a person can check. */
public record Recommendation<T>(T item, double score, Reason reason) {
}
