package org.wavelength.web.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the directory's pages (categories, languages, people, the makers' recommendations),
 * in English; {@code messages/browse_zh.properties} has them in Chinese. Templates read them as
 * {@code {browse:key}}. Kept apart from {@link AppMessages}, which holds the rest of the site.
 */
@MessageBundle(value = "browse", locale = "en")
public interface BrowseMessages {

    @Message("Browse")
    String navBrowse();

    @Message("Browse the podcasts by <a href=\"/categories\">category</a> or by <a href=\"/languages\">language</a>.")
    String browseIntro();

    @Message("{count} {#if count == 1}podcast{#else}podcasts{/if}")
    String podcastCount(long count);

    // --- Categories --------------------------------------------------------------------------------

    @Message("Categories")
    String categories();

    @Message("The categories the podcasts' feeds give, with how many podcasts list each. Also by <a href=\"/languages\">language</a>.")
    String categoriesIntro();

    @Message("No podcast names a category yet.")
    String noCategories();

    @Message("In {parent}")
    String inCategory(String parent);

    @Message("Subcategories")
    String subcategories();

    // --- Languages ---------------------------------------------------------------------------------

    @Message("Languages")
    String languages();

    @Message("The languages the podcasts speak, with how many speak each. Also by <a href=\"/categories\">category</a>.")
    String languagesIntro();

    @Message("No podcasts yet.")
    String noLanguages();

    @Message("Unknown language")
    String unknownLanguage();

    // --- What a category or a language holds --------------------------------------------------------

    @Message("Popular this month")
    String popularThisMonth();

    @Message("Nobody has listened to an episode here this month yet.")
    String nothingPopular();

    @Message("New episodes")
    String newEpisodes();

    @Message("No episode here has a date yet.")
    String noNewEpisodes();

    @Message("Podcasts, the most listened to first")
    String podcastsPopularFirst();

    // --- People ------------------------------------------------------------------------------------

    @Message("People")
    String people();

    /** role: as feeds write the Podcasting 2.0 taxonomy, in lower case. */
    @Message("{#when role}{#is 'host'}Host{#is 'co-host'}Co-host{#is 'guest'}Guest{#is 'author'}Author"
            + "{#is 'producer'}Producer{#else}{role}{/when}")
    String role(String role);

    @Message("Their website")
    String personWebsite();

    @Message("No podcast credits them on the show itself.")
    String noPodcastsOfPerson();

    @Message("No episode credits them.")
    String noEpisodesOfPerson();

    // --- podcast:podroll ---------------------------------------------------------------------------

    @Message("Recommended by the makers")
    String recommendedByMakers();

    @Message("Not in the catalogue:")
    String notInCatalogue();

    @Message("A show not in the catalogue (podcast:guid {guid})")
    String notInCatalogueGuid(String guid);

    @Message("Add this feed")
    String addThisFeed();
}
