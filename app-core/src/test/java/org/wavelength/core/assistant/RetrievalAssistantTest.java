package org.wavelength.core.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wavelength.core.assistant.RetrievalAssistant.Answer;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.Interaction;
import org.wavelength.core.domain.ItemKind;
import org.wavelength.core.domain.Passage;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.domain.Segments;
import org.wavelength.core.index.CatalogueIndexer;
import org.wavelength.core.index.IndexFixtures;
import org.wavelength.core.index.SegmentedIndex;
import org.wavelength.core.port.CatalogueStore.StoredFeed;
import org.wavelength.core.port.Fixtures;
import org.wavelength.core.browse.Directory;
import org.wavelength.core.port.InMemoryDirectory;
import org.wavelength.core.port.InMemoryListeners;
import org.wavelength.core.port.InMemoryVectorStore;
import org.wavelength.core.recommend.Recommendations;
import org.wavelength.core.recommend.SimilarEpisodes;
import org.wavelength.core.recommend.SimilarPodcasts;
import org.wavelength.core.recommend.UserProfiles;
import org.wavelength.core.search.CatalogueSearch;

/**
 * Retrieval mode over a small catalogue whose vectors are chosen by hand on four axes: computing,
 * comedy, food, science. Two shows are in Chinese, two are explicit.
 */
class RetrievalAssistantTest {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final long ANNA = 1;

    Fixtures.MapCatalogue catalogue = new Fixtures.MapCatalogue();
    Fixtures.TableEmbedder embedder = new Fixtures.TableEmbedder("table", 4);
    SegmentedIndex index = new SegmentedIndex(new InMemoryVectorStore(), new Fixtures.FixedEmbedders(embedder));
    CatalogueIndexer indexer = new CatalogueIndexer(IndexFixtures.realtime(index));
    InMemoryListeners listeners = new InMemoryListeners();
    InMemoryDirectory directoryStore = new InMemoryDirectory(catalogue, listeners);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    UserProfiles profiles = new UserProfiles(index, listeners, listeners, catalogue, clock);
    // The fixtures' few hand-made vectors say nothing of relevance: both floors are off here (see their own tests).
    RetrievalAssistant assistant = new RetrievalAssistant(new CatalogueSearch(catalogue, index, CatalogueSearch.Relevance.OFF),
            new SimilarPodcasts(catalogue, index), new SimilarEpisodes(catalogue, index),
            new Recommendations(index, profiles, catalogue, listeners, Recommendations.Settings.defaults(), clock),
            catalogue, new Directory(directoryStore, catalogue, Duration.ofDays(30), clock), new RequestParser(clock), clock);

    Podcast bitsOfHistory = podcast(1, "Bits of History", "en", false, "Technology", "History");
    Podcast retro = podcast(2, "Retro Computer Hour", "en", false, "Technology");
    Podcast computerStories = podcast(3, "计算机的故事", "zh", false, "Technology");
    Podcast offMenu = podcast(4, "Off Menu", "en", true, "Comedy", "Food");
    Podcast kitchenChat = podcast(5, "Kitchen Chat", "en", false, "Comedy", "Food");
    Podcast labLaughs = podcast(6, "Lab Laughs", "en", false, "Comedy", "Science");
    Podcast scienceWeekly = podcast(7, "Science Weekly", "en", false, "Science");
    Podcast scienceJokes = podcast(8, "科学笑话", "zh", false, "Comedy", "Science");
    Podcast rudeScience = podcast(9, "Rude Science", "en", true, "Science", "Comedy");

    @BeforeEach
    void catalogue() {
        embedder.with("history of computing", 1, 0, 0, 0).with("science", 0, 0, 0, 1);
        show(bitsOfHistory, new float[] {1, 0, 0, 0.1f},
                episode(11, 1, "The Analytical Engine", 25, 5, 1, 0, 0, 0.1f),
                episode(12, 1, "ENIAC and the first programmers", 50, 200, 1, 0, 0, 0),
                episode(13, 1, "The history of computing in ten objects", 15, 400, 1, 0, 0, 0.05f));
        show(retro, new float[] {0.9f, 0.1f, 0, 0},
                episode(21, 2, "Home computers of the 80s", 18, 3, 0.9f, 0.1f, 0, 0),
                episode(22, 2, "The history of computing games", 70, 10, 0.95f, 0.1f, 0, 0));
        show(computerStories, new float[] {1, 0, 0, 0}, episode(31, 3, "计算机历史：图灵", 20, 2, 1, 0, 0, 0));
        show(offMenu, new float[] {0, 1, 1, 0}, episode(41, 4, "Dream menu with a comedian", 60, 20, 0, 1, 1, 0));
        show(kitchenChat, new float[] {0, 0.9f, 1, 0}, episode(51, 5, "Pasta night", 45, 8, 0, 0.8f, 1, 0));
        show(labLaughs, new float[] {0, 1, 0, 0.8f},
                episode(61, 6, "Funny physics", 28, 6, 0, 1, 0, 1),
                episode(62, 6, "Chemistry jokes", 70, 100, 0, 1, 0, 0.9f));
        show(scienceWeekly, new float[] {0, 0, 0, 1},
                episode(71, 7, "Black holes", 35, 1, 0, 0, 0, 1),
                episode(72, 7, "Vaccines explained", 18, 40, 0, 0.05f, 0, 1));
        show(scienceJokes, new float[] {0, 1, 0, 1}, episode(81, 8, "量子物理的笑话", 25, 4, 0, 1, 0, 1));
        show(rudeScience, new float[] {0, 1, 0, 1}, episode(91, 9, "Science, uncensored", 22, 2, 0, 1, 0, 1));
        Passage lovelace = new Passage(1101, 11, 3, 754, 790, "Ada", "Lovelace writes the first program for the engine");
        embedder.with(lovelace.text(), 1, 0, 0, 0);
        catalogue.with(lovelace);
        indexer.indexPassages(bitsOfHistory, catalogue.episodes.get(11L), List.of(lovelace));
    }

    // --- A topic -------------------------------------------------------------------------------

    @Test
    void aShortEpisodeOnTheHistoryOfComputing() {
        Answer answer = ask("a short episode on the history of computing");

        assertThat(answer.items()).isNotEmpty().allSatisfy(i -> assertThat(i.episode().durationSeconds()).isLessThanOrEqualTo(20 * 60));
        assertThat(episodeIds(answer)).contains(13L, 21L).doesNotContain(11L, 12L, 22L);
        assertThat(reasonOf(answer, 13)).isEqualTo("Matches “history of computing”; 15 minutes");
        // Fewer than a full answer clear the bar, and the summary says so.
        assertThat(answer.text()).startsWith("No language model is configured, so here are the only " + answer.items().size()
                + " good matches from the catalogue: ").contains(" episodes on “history of computing”, under 20 minutes.");
        assertRespected(answer);
    }

    @Test
    void aPassageCitesItsEpisodeAndTime() {
        Answer answer = ask("Lovelace");

        CitedItem first = answer.items().get(0);
        assertThat(first.kind()).isEqualTo(ItemKind.PASSAGE);
        assertThat(first.episode().id()).isEqualTo(11);
        assertThat(first.podcast().id()).isEqualTo(1);
        assertThat(first.reason()).isEqualTo("At 12:34, matches “Lovelace”: “Lovelace writes the first program for the engine”");
        assertThat(answer.text()).contains("1 passage");
    }

    @Test
    void aLanguageKeepsToItsShows() {
        Answer english = ask("history of computing");
        assertThat(english.items()).extracting(i -> i.podcast().language()).contains("en");

        Answer chinese = ask("history of computing in Chinese");
        assertThat(chinese.items()).isNotEmpty().allMatch(i -> i.podcast().language().equals("zh"));
        assertThat(chinese.text()).contains("on “history of computing”, in Chinese.");

        Answer askedInChinese = ask("用中文的计算机历史");
        assertThat(askedInChinese.constraints().topic()).isEqualTo("计算机历史");
        assertThat(reasonOf(askedInChinese, 31)).isEqualTo("Matches “计算机历史”; in Chinese");
        assertRespected(askedInChinese);
    }

    @Test
    void nothingExplicitLeavesTheExplicitShowsOut() {
        assertThat(ask("science").items()).anyMatch(i -> i.podcast().explicit());

        Answer clean = ask("science, no explicit stuff");

        assertThat(clean.items()).isNotEmpty().noneMatch(i -> i.podcast().explicit());
        assertThat(clean.items()).allMatch(i -> i.reason().endsWith("not explicit"));
        assertThat(clean.text()).contains(", nothing explicit.");
    }

    @Test
    void recentMeansPublishedLately() {
        Answer answer = ask("science, this week");

        assertThat(answer.items()).isNotEmpty().allSatisfy(i ->
                assertThat(i.episode().publishedAt()).isAfterOrEqualTo(NOW.minus(Duration.ofDays(7))));
        assertThat(episodeIds(answer)).contains(71L).doesNotContain(72L, 62L);
        assertThat(reasonOf(answer, 71)).isEqualTo("Matches “science”; published 2026-11-29");
        assertThat(answer.text()).contains("published in the last 7 days");
    }

    @Test
    void atMostTwoItemsComeFromOnePodcastAndEachOnce() {
        Answer answer = ask("history of computing");

        assertThat(answer.items()).hasSizeLessThanOrEqualTo(RetrievalAssistant.MAX_ITEMS);
        assertThat(answer.items().stream().collect(Collectors.groupingBy(i -> i.podcast().id(), Collectors.counting())))
                .allSatisfy((podcast, count) -> assertThat(count).isLessThanOrEqualTo(2));
        assertThat(answer.items().stream().map(i -> i.episode() == null ? "p" + i.podcast().id() : "e" + i.episode().id()))
                .doesNotHaveDuplicates();
    }

    // --- Like a podcast ------------------------------------------------------------------------

    @Test
    void likeATitleFindsTheSimilarPodcasts() {
        Answer answer = ask("something like off menu");

        assertThat(answer.items()).isNotEmpty().allMatch(i -> i.kind() == ItemKind.PODCAST)
                .noneMatch(i -> i.podcast().id() == offMenu.id());
        assertThat(answer.items().get(0).podcast()).isEqualTo(kitchenChat);
        assertThat(answer.items().get(0).reason()).isEqualTo("Like Off Menu, it is about Comedy");
        assertThat(answer.text()).contains(" podcasts like Off Menu.");
        assertThat(answer.conversation().reference().podcast()).isEqualTo(offMenu);
    }

    @Test
    void theRestOfATitleSaidWholeIsPartOfItsNameNotASubject() {
        Podcast fighting = podcast(10, "Mom and Dad Are Fighting | Slate's parenting show", "en", false, "Kids & Family");
        show(fighting, new float[] {0, 0.9f, 1, 0.1f});

        Answer whole = ask("something like Mom and Dad Are Fighting | Slate's parenting show");

        assertThat(whole.conversation().reference().podcast()).isEqualTo(fighting);
        assertThat(whole.constraints().topic()).isNull();
        Podcast repeated = podcast(11, "The Past and The Curious: A History Podcast for Kids and Families", "en", false,
                "Kids & Family");
        show(repeated, new float[] {0.5f, 0, 0.5f, 0.1f});
        assertThat(ask("something like The Past and The Curious: A History Podcast for Kids and Families").constraints()
                .topic()).as("a title that says a word twice").isNull();
        assertThat(ask("something like Mom and Dad Are Fighting but about science").constraints().topic())
                .as("a subject of its own stays").isEqualTo("science");
    }

    @Test
    void likeATitleButAboutATopicRanksTheTopicWithTheSimilarity() {
        Answer plain = ask("science in English");
        assertThat(plain.items().get(0).podcast()).isEqualTo(scienceWeekly);

        Answer answer = ask("something like Off Menu but about science, in English");

        assertThat(answer.constraints().topic()).isEqualTo("science");
        // Science first; among science, the comedy shows close to Off Menu before Science Weekly.
        assertThat(answer.items().get(0).podcast().categories()).contains("Science", "Comedy");
        assertThat(answer.items()).noneMatch(i -> i.podcast().id() == offMenu.id());
        assertThat(answer.items().get(0).reason()).contains("“science”").contains("; like Off Menu, it is about Comedy");
        assertThat(answer.text()).contains("on “science”, like Off Menu, in English.");
    }

    @Test
    void likeATitleInAnotherLanguageSearchesItsDescriptionThere() {
        Answer answer = ask("something like Off Menu but in Chinese");

        assertThat(answer.items()).isNotEmpty().allMatch(i -> i.podcast().language().equals("zh"));
        assertThat(answer.items().get(0).podcast()).isEqualTo(scienceJokes);
        assertThat(answer.items().get(0).reason()).isEqualTo("Close in subject to Off Menu; in Chinese");
        assertThat(answer.text()).contains("Off Menu is in English, so these Chinese items are the closest to its description.");
    }

    @Test
    void likeATitleWithADurationCitesEpisodesOfTheSimilarShows() {
        Answer answer = ask("like Off Menu, under 30 minutes");

        assertThat(answer.items()).isNotEmpty().allSatisfy(i -> assertThat(i.episode().durationSeconds()).isLessThanOrEqualTo(1800));
        assertThat(answer.items()).noneMatch(i -> i.podcast().id() == offMenu.id());
        assertRespected(answer);
    }

    @Test
    void anUnknownTitleIsSaidAndItsWordsAreSearched() {
        Answer answer = ask("something like Radiolab");

        assertThat(answer.constraints().likeTitle()).isEqualTo("Radiolab");
        assertThat(answer.conversation().reference()).isNull();
        assertThat(answer.text()).contains("on “Radiolab”")
                .endsWith("I found no podcast called “Radiolab” in the catalogue, so these match its words instead.");
    }

    // --- Follow-ups ----------------------------------------------------------------------------

    @Test
    void shorterAsksForLessThanTheLastAnswer() {
        Answer first = ask("the history of computing");
        List<Integer> lengths = first.items().stream().filter(i -> i.episode() != null)
                .map(i -> i.episode().durationSeconds()).sorted().toList();
        int median = lengths.get(lengths.size() / 2);

        Answer shorter = assistant.answer(null, "shorter", first.conversation());

        int max = median * 3 / 4 / 60 * 60;
        assertThat(shorter.constraints().topic()).isEqualTo("history of computing");
        assertThat(shorter.constraints().maxDurationSeconds()).isEqualTo(max);
        assertThat(shorter.items()).isNotEmpty().allSatisfy(i -> assertThat(i.episode().durationSeconds()).isLessThanOrEqualTo(max));
        assertThat(shorter.text()).contains("on “history of computing”, under " + AnswerTexts.duration(max));
    }

    @Test
    void aFollowUpKeepsTheRequestAndChangesOneCondition() {
        Answer first = ask("science, under 30 minutes");
        Answer chinese = assistant.answer(null, "in Chinese instead", first.conversation());

        assertThat(chinese.constraints().topic()).isEqualTo("science");
        assertThat(chinese.constraints().maxDurationSeconds()).isEqualTo(1800);
        assertThat(chinese.items()).isNotEmpty().allMatch(i -> i.podcast().language().equals("zh"));
        assertThat(chinese.items().get(0).episode().id()).isEqualTo(81L);

        Answer recent = assistant.answer(null, "only recent ones", chinese.conversation());
        assertThat(recent.constraints().language()).isEqualTo("zh");
        assertThat(recent.constraints().publishedAfter()).isEqualTo(NOW.minus(Duration.ofDays(30)));
        assertRespected(recent);
    }

    @Test
    void moreLikeTheSecondOne() {
        Answer first = ask("science, under 30 minutes");
        CitedItem second = first.items().get(1);

        Answer more = assistant.answer(null, "more like the second one", first.conversation());

        assertThat(more.conversation().reference()).isEqualTo(second);
        assertThat(more.items()).isNotEmpty().noneMatch(i -> i.episode() != null && i.episode().id() == second.episode().id());
        assertThat(more.text()).contains("like “" + second.episode().title() + "”, under 30 minutes");
        assertThat(more.items()).allSatisfy(i -> assertThat(i.episode().durationSeconds()).isLessThanOrEqualTo(1800));
        assertThat(more.items().get(0).reason()).startsWith("Close in subject to " + second.episode().title());

        Answer shorter = assistant.answer(null, "shorter", more.conversation());
        assertThat(shorter.conversation().reference()).as("still like the second one").isEqualTo(second);
    }

    @Test
    void anItemThatIsNotThereIsSaid() {
        assertThat(ask("more like the second one").text()).contains("There is no earlier answer to pick from.");

        Answer first = ask("history of computing in Chinese");
        Answer missing = assistant.answer(null, "the 9th one", first.conversation());
        assertThat(missing.items()).isEmpty();
        assertThat(missing.text()).contains("The last answer has no item 9.");
        assertThat(missing.conversation()).isEqualTo(first.conversation());
    }

    @Test
    void likeTheOnlyPodcastOfItsLanguageGivesTheClosestInOtherLanguages() {
        Podcast lisbon = podcast(10, "Ciência em Lisboa", "pt", false, "Science");
        show(lisbon, new float[] {0, 0, 0.1f, 1}, episode(101, 10, "Buracos negros", 30, 3, 0, 0, 0.1f, 1));

        Answer answer = ask("podcasts like Ciência em Lisboa");

        assertThat(answer.text()).contains("Ciência em Lisboa is the only podcast in Portuguese, so these are the closest"
                + " to its subject in other languages.");
        assertThat(answer.items()).isNotEmpty().noneMatch(i -> i.podcast().id() == 10)
                .allMatch(i -> i.episode() == null);
        assertThat(answer.items()).extracting(i -> i.podcast().title()).contains("Science Weekly");
    }

    // --- Only a language or a category ---------------------------------------------------------

    @Test
    void aLanguageAloneListsItsPodcastsPopularFirst() {
        act(ANNA, Interaction.Type.LIKE, 81);

        Answer answer = ask("Chinese podcasts");

        assertThat(answer.items()).extracting(i -> i.podcast().id()).containsExactly(8L, 3L);
        assertThat(answer.items()).allMatch(i -> i.episode() == null)
                .allMatch(i -> i.reason().equals("Listed in the catalogue; in Chinese"));
        assertThat(answer.text()).isEqualTo("No language model is configured, so here are the only 2 good matches from the"
                + " catalogue: 2 podcasts, in Chinese.");
    }

    @Test
    void aLanguageTheCatalogueDoesNotHaveIsNotLeftOutButSaidWithTheLanguagesItHas() {
        Answer answer = ask("Japanese podcasts");

        assertThat(answer.items()).as("any podcast would do without the language: none is an answer").isEmpty();
        assertThat(answer.leftOut()).isEmpty();
        assertThat(answer.text()).contains("the catalogue has nothing, in Japanese.")
                .contains("The catalogue has podcasts in ").contains("Chinese (2)");
    }

    @Test
    void aCategoryNamedWithWhatToFindListsTheCategory() {
        Answer answer = ask("recommend me a comedy podcast");

        assertThat(answer.items()).isNotEmpty().allMatch(i -> i.podcast().categories().contains("Comedy"))
                .allMatch(i -> i.reason().equals("Listed under Comedy"));
        assertThat(answer.text()).contains("podcasts in the category “Comedy”.")
                .contains("Sign in to get recommendations of your own");
        assertThat(ask("comedy").items()).as("a bare subject is searched").anyMatch(i -> i.episode() != null);
    }

    @Test
    void episodesAskedForInALanguageAreItsNewest() {
        Answer answer = ask("episodes in Chinese");

        assertThat(answer.items()).extracting(i -> i.episode().id()).containsExactly(31L, 81L);
        assertThat(answer.text()).contains("2 episodes among the newest, in Chinese.");
    }

    // --- Nothing found ---------------------------------------------------------------------------

    @Test
    void aConditionThatLeavesNothingIsLeftOutAndSaidSo() {
        Answer tooLong = ask("history of computing, over 2 hours");
        assertThat(tooLong.items()).isNotEmpty();
        assertThat(tooLong.text()).contains("on “history of computing”.")
                .endsWith("Nothing that matches is at least 2 hours, so these leave that condition out.");
        assertThat(tooLong.constraints().minDurationSeconds()).as("kept for the follow-ups").isEqualTo(7200);

        Answer chineseAndLong = ask("history of computing in Chinese, over an hour");
        assertThat(chineseAndLong.items()).as("the length goes before the language").isNotEmpty()
                .allMatch(i -> i.podcast().language().equals("zh"));
        assertThat(chineseAndLong.text()).endsWith("Nothing that matches is at least 1 hour, so these leave that condition out.");

        Answer frenchAndLong = ask("history of computing in French, over 2 hours");
        assertThat(frenchAndLong.items()).isNotEmpty();
        assertThat(frenchAndLong.text()).endsWith("Nothing that matches is in French and at least 2 hours, so these leave "
                + "those conditions out.");
    }

    @Test
    void nothingExplicitIsNeverLeftOut() {
        catalogue.podcasts.replaceAll((id, p) -> new Podcast(p.id(), p.feedId(), p.feedUrl(), p.title(), p.author(),
                p.description(), p.language(), p.categories(), p.imageUrl(), p.link(), true, p.episodeCount()));

        Answer clean = ask("history of computing, nothing explicit");

        assertThat(clean.items()).isEmpty();
        assertThat(clean.text()).contains("the catalogue has nothing on “history of computing”, nothing explicit.");
    }

    // --- For me --------------------------------------------------------------------------------

    @Test
    void forMeRecommendsToTheListenerUnderTheConditions() {
        act(ANNA, Interaction.Type.LIKE, 71);
        act(ANNA, Interaction.Type.LIKE, 72);

        Answer answer = assistant.answer(ANNA, "something for me under 30 minutes", Conversation.NEW);

        assertThat(answer.items()).isNotEmpty().allSatisfy(i -> assertThat(i.episode().durationSeconds()).isLessThanOrEqualTo(1800));
        assertThat(answer.items()).noneMatch(i -> i.episode().id() == 71 || i.episode().id() == 72); // heard already
        assertThat(answer.items().get(0).reason()).startsWith("Because you liked");
        assertThat(answer.text()).contains(" for you, under 30 minutes.").doesNotContain("Sign in");
    }

    @Test
    void forMeWithATopicRanksTheTopicWithTheListenersRecommendations() {
        act(ANNA, Interaction.Type.LIKE, 61);

        Answer answer = assistant.answer(ANNA, "something about science for me, in English", Conversation.NEW);

        assertThat(answer.constraints().topic()).isEqualTo("science");
        assertThat(answer.items()).isNotEmpty().noneMatch(i -> i.episode() != null && i.episode().id() == 61);
        assertThat(answer.items()).anySatisfy(i -> assertThat(i.reason()).contains("“science”; because you liked Funny physics"));
        assertThat(answer.text()).contains("on “science”, for you, in English.");
    }

    @Test
    void forMeWithoutAListenerSaysSoAndIsNotPersonal() {
        Answer answer = assistant.answer(null, "recommend me something under 30 minutes", Conversation.NEW);

        assertThat(answer.text()).contains("Sign in to get recommendations of your own: these are not personal.")
                .contains("among the newest, under 30 minutes");
        assertThat(answer.items()).isNotEmpty()
                .allSatisfy(i -> assertThat(i.episode().durationSeconds()).isLessThanOrEqualTo(1800))
                .isSortedAccordingTo(Comparator.comparing((CitedItem i) -> i.episode().publishedAt()).reversed());
    }

    @Test
    void aRequestWithNothingToReadGetsHelp() {
        Answer first = ask("science");
        Answer hello = assistant.answer(null, "hello", first.conversation());

        assertThat(hello.items()).isEmpty();
        assertThat(hello.text()).startsWith("No language model is configured, so I can only search the catalogue. Ask for");
        assertThat(hello.conversation()).isEqualTo(first.conversation());
    }

    @Test
    void everyPathRespectsEveryCondition() {
        act(ANNA, Interaction.Type.LIKE, 71);
        List<Answer> answers = new ArrayList<>();
        for (String conditions : List.of(", in English, under 30 minutes, no explicit stuff, this month",
                ", in English, no explicit stuff")) {
            for (String subject : List.of("science", "something like Off Menu", "like Off Menu but about science",
                    "something for me", "something like Radiolab", "")) {
                answers.add(assistant.answer(ANNA, subject + conditions, Conversation.NEW));
            }
            Answer first = ask("science" + conditions);
            answers.add(assistant.answer(null, "more like the first one", first.conversation()));
            answers.add(assistant.answer(null, "shorter", first.conversation()));
        }

        for (Answer answer : answers) {
            assertThat(answer.constraints().language()).as(answer.text()).isEqualTo("en");
            assertThat(answer.items()).as(answer.text()).isNotEmpty();
            assertRespected(answer);
        }
    }

    // --- Helpers -------------------------------------------------------------------------------

    Answer ask(String message) {
        return assistant.answer(null, message, Conversation.NEW);
    }

    /** The conditions checked on the items' own fields, not through the code under test. */
    /** Every item meets every condition asked for, but those the answer says it left out. */
    static void assertRespected(Answer answer) {
        AskConstraints c = answer.constraints();
        for (AskConstraints.Condition leftOut : answer.leftOut()) {
            c = c.without(leftOut);
        }
        for (CitedItem item : answer.items()) {
            String what = item + " for " + answer.text() + " (left out: " + answer.leftOut() + ")";
            if (c.language() != null) {
                assertThat(Segments.of(item.podcast().language())).as(what).isEqualTo(c.language());
            }
            if (Boolean.FALSE.equals(c.explicitAllowed())) {
                assertThat(item.podcast().explicit()).as(what).isFalse();
            }
            if (c.maxDurationSeconds() != null || c.minDurationSeconds() != null || c.publishedAfter() != null) {
                assertThat(item.episode()).as(what).isNotNull();
            }
            if (c.maxDurationSeconds() != null) {
                assertThat(item.episode().durationSeconds()).as(what).isLessThanOrEqualTo(c.maxDurationSeconds());
            }
            if (c.minDurationSeconds() != null) {
                assertThat(item.episode().durationSeconds()).as(what).isGreaterThanOrEqualTo(c.minDurationSeconds());
            }
            if (c.publishedAfter() != null) {
                assertThat(item.episode().publishedAt()).as(what).isAfterOrEqualTo(c.publishedAfter());
            }
        }
    }

    static List<Long> episodeIds(Answer answer) {
        return answer.items().stream().filter(i -> i.episode() != null).map(i -> i.episode().id()).toList();
    }

    static String reasonOf(Answer answer, long episodeId) {
        return answer.items().stream().filter(i -> i.episode() != null && i.episode().id() == episodeId
                && i.passage() == null).findFirst().orElseThrow(() -> new AssertionError(episodeId + " not in " + answer))
                .reason();
    }

    void act(long user, Interaction.Type type, long episodeId) {
        Episode episode = catalogue.episodes.get(episodeId);
        listeners.record(new Interaction(user, episode.podcastId(), episodeId, type, null,
                NOW.minus(Duration.ofHours(1)).plusSeconds(listeners.interactions.size())));
    }

    static Podcast podcast(long id, String title, String language, boolean explicit, String... categories) {
        return new Podcast(id, id, "https://example.com/" + id, title, "Author " + id, "About " + title, language,
                List.of(categories), null, null, explicit, 3);
    }

    record Shown(Episode episode, float[] vector) {
    }

    static Shown episode(long id, long podcastId, String title, int minutes, int daysAgo, float... vector) {
        return new Shown(new Episode(id, podcastId, "guid-" + id, title, "Notes of " + title, null,
                NOW.minus(Duration.ofDays(daysAgo)), minutes * 60, null, null, null, null, null, null), vector);
    }

    void show(Podcast podcast, float[] vector, Shown... shown) {
        embedder.with("About " + podcast.title(), vector);
        List<Episode> episodes = new ArrayList<>();
        for (Shown s : shown) {
            embedder.with(s.episode().title() + ".", s.vector());
            catalogue.with(s.episode());
            episodes.add(s.episode());
        }
        catalogue.with(podcast);
        indexer.index(new StoredFeed(podcast, episodes));
    }
}
