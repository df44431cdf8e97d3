package org.wavelength.web.page;

import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.wavelength.core.domain.WebAddress;
import org.wavelength.core.domain.Reason;
import org.wavelength.web.i18n.AppMessages;
import org.wavelength.web.i18n.UiLanguage;
import org.wavelength.web.view.LanguageView;

/** Small formatting helpers for the pages, so that templates hold no arithmetic. */
@TemplateExtension
public class TemplateExtensions {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /** A duration in seconds as "42 min" or "1 h 05 min", in the page's language. */
    static String minutes(Integer seconds, @TemplateAttribute("locale") Object locale) {
        AppMessages messages = UiLanguage.of(locale).messages();
        int minutes = Math.round(seconds / 60f);
        return minutes < 60 ? messages.durationMinutes(minutes)
                : messages.durationHours(minutes / 60, String.format("%02d", minutes % 60));
    }

    /** Why an item was recommended, in the page's language (the API keeps the English {@link Reason#text()}). */
    static String localized(Reason reason, @TemplateAttribute("locale") Object locale) {
        AppMessages messages = UiLanguage.of(locale).messages();
        String subject = reason.subject();
        return switch (reason.kind()) {
            case CLOSE_TO_HISTORY -> messages.reasonCloseToHistory();
            case INTEREST -> messages.reasonInterest(subject);
            case LIKED -> subject == null ? messages.reasonLikedGone() : messages.reasonLiked(subject);
            case LISTENED -> subject == null ? messages.reasonListenedGone() : messages.reasonListened(subject);
            case FOLLOWED -> subject == null ? messages.reasonFollowedGone() : messages.reasonFollowed(subject);
            case SIMILAR_LISTENERS -> messages.reasonSimilarListeners();
            case NEW_FROM_FOLLOWED -> subject == null ? messages.reasonNewFromFollowedGone()
                    : messages.reasonNewFromFollowed(subject);
            case POPULAR -> messages.reasonPopular();
            case JUST_PUBLISHED -> messages.reasonJustPublished();
            case SAME_PODCAST -> messages.reasonSamePodcast(subject);
            case CLOSE_IN_SUBJECT -> messages.reasonCloseInSubject(subject);
            case SHARED_CATEGORY -> messages.reasonSharedCategory(subject, reason.category());
            case WITH_PERSON -> messages.reasonWithPerson(subject);
            case RECOMMENDED_BY_MAKERS -> messages.reasonRecommendedByMakers(subject);
        };
    }

    /** A language's name in the page's language ("English", "英文"), from its code. */
    static String languageName(String code, @TemplateAttribute("locale") Object locale) {
        UiLanguage language = UiLanguage.of(locale);
        return LanguageView.name(code, language.locale(), language.browseMessages().unknownLanguage());
    }

    /** Whether an address from a feed may be a link: http or https, never javascript: or data:. */
    static boolean isWebAddress(String address) {
        return WebAddress.orNull(address) != null;
    }

    static String day(Instant instant) {
        return DAY.format(instant);
    }

    static int previous(int page) {
        return page - 1;
    }

    static int next(int page) {
        return page + 1;
    }
}
