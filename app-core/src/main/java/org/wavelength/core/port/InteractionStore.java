package org.wavelength.core.port;

import java.util.List;
import org.wavelength.core.domain.Interaction;

/** What users did, newest first. */
public interface InteractionStore {

    void record(Interaction interaction);

    List<Interaction> recent(long userId, int limit);
}
