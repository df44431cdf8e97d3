package org.wavelength.web.view;

import java.util.List;
import org.wavelength.core.browse.People;

/** A person with the podcasts and the newest episodes that credit them, each with the roles it gives them. */
public record PersonDetailsView(PersonView person, List<PodcastCredit> podcasts, List<EpisodeCredit> episodes) {

    public static PersonDetailsView of(People.Profile profile) {
        return new PersonDetailsView(PersonView.of(profile.person()),
                profile.podcasts().stream().map(c -> new PodcastCredit(PodcastView.of(c.item()), c.roles())).toList(),
                profile.episodes().stream().map(c -> new EpisodeCredit(EpisodeView.of(c.item().episode()),
                        PodcastView.of(c.item().podcast()), c.roles())).toList());
    }

    public record PodcastCredit(PodcastView podcast, List<String> roles) {
    }

    public record EpisodeCredit(EpisodeView episode, PodcastView podcast, List<String> roles) {
    }
}
