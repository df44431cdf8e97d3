package org.wavelength.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.wavelength.core.domain.Reason.Kind;

/** The English wording of each kind of reason: what the API returns. */
class ReasonTest {

    @Test
    void eachKindNamesItsSubject() {
        assertThat(Reason.of(Kind.INTEREST, "jazz").text()).isEqualTo("Matches your interest in jazz");
        assertThat(Reason.of(Kind.LIKED, "Comets").text()).isEqualTo("Because you liked Comets");
        assertThat(Reason.of(Kind.LISTENED, "Comets").text()).isEqualTo("Because you listened to Comets");
        assertThat(Reason.of(Kind.FOLLOWED, "Star Talk").text()).isEqualTo("Because you follow Star Talk");
        assertThat(Reason.of(Kind.NEW_FROM_FOLLOWED, "Star Talk").text()).isEqualTo("New from Star Talk, which you follow");
        assertThat(Reason.of(Kind.SAME_PODCAST, "Star Talk").text()).isEqualTo("Also from Star Talk, on a close subject");
        assertThat(Reason.of(Kind.CLOSE_IN_SUBJECT, "Comets").text()).isEqualTo("Close in subject to Comets");
        assertThat(Reason.sharedCategory("Bits of History", "Technology").text())
                .isEqualTo("Like Bits of History, it is about Technology");
        assertThat(Reason.of(Kind.WITH_PERSON, "Zoë Wang").text()).isEqualTo("More with Zoë Wang");
        assertThat(Reason.of(Kind.RECOMMENDED_BY_MAKERS, "Open Shelves").text())
                .isEqualTo("Recommended by the makers of Open Shelves");
    }

    @Test
    void kindsWithoutSubjectSayWhatTheyAre() {
        assertThat(Reason.of(Kind.CLOSE_TO_HISTORY).text()).isEqualTo("Close to what you listen to");
        assertThat(Reason.of(Kind.SIMILAR_LISTENERS).text()).isEqualTo("Listeners with your taste enjoyed this");
        assertThat(Reason.of(Kind.POPULAR).text()).isEqualTo("Popular with listeners this month");
        assertThat(Reason.of(Kind.JUST_PUBLISHED).text()).isEqualTo("Just published");
    }

    @Test
    void anItemGoneFromTheCatalogueIsNamedByWhatItWas() {
        assertThat(Reason.of(Kind.LIKED).text()).isEqualTo("Because you liked an episode");
        assertThat(Reason.of(Kind.LISTENED).text()).isEqualTo("Because you listened to an episode");
        assertThat(Reason.of(Kind.FOLLOWED).text()).isEqualTo("Because you follow a podcast");
        assertThat(Reason.of(Kind.NEW_FROM_FOLLOWED).text()).isEqualTo("New from a podcast you follow");
    }

    @Test
    void everyKindHasAWordingWithoutPlaceholders() {
        assertThat(Arrays.stream(Kind.values()).map(kind -> new Reason(kind, "X", "Y").text()))
                .allSatisfy(text -> assertThat(text).isNotBlank().doesNotContain("null"));
    }
}
