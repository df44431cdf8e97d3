package org.wavelength.core.domain;

/** What a vector in the index stands for. */
public enum ItemKind { PODCAST, EPISODE, PASSAGE, USER }
