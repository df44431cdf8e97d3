package org.wavelength.web.browser;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * One application for the browser tests, with a catalogue of their own: other test classes add the
 * same fixtures, and two podcasts of one title would make "the link named X" ambiguous. So each
 * browser test adds feeds no other one adds; the journeys that need the three listening shows
 * together have a profile (and so a catalogue) each, extending this one.
 */
public class BrowserProfile implements QuarkusTestProfile {
}
