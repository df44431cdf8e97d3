package org.wavelength.web.browser;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * One application for all browser tests, with a catalogue of their own: other test classes add the
 * same fixtures, and two podcasts of one title would make "the link named X" ambiguous.
 */
public class BrowserProfile implements QuarkusTestProfile {
}
