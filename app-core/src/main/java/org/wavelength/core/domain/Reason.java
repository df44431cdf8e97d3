package org.wavelength.core.domain;

/**
 * Why an item was recommended: its kind and the names it mentions, kept apart so that each
 * interface language can word it. {@link #text()} is the English wording, which the API returns.
 *
 * @param subject the podcast, episode or interest the reason names; null for kinds that name none,
 *        and for a liked, heard or followed item that has left the catalogue since
 * @param category the category two podcasts share ({@link Kind#SHARED_CATEGORY} only)
 */
public record Reason(Kind kind, String subject, String category) {

    public enum Kind {
        /** Close to the listener's profile as a whole. */
        CLOSE_TO_HISTORY,
        /** Close to an interest the listener typed (subject: the interest). */
        INTEREST,
        /** Close to an episode the listener liked (subject: its title). */
        LIKED,
        /** Close to an episode the listener heard (subject: its title). */
        LISTENED,
        /** Close to a podcast the listener follows (subject: its title). */
        FOLLOWED,
        /** Enjoyed by listeners with a similar profile. */
        SIMILAR_LISTENERS,
        /** A new episode of a podcast the listener follows (subject: its title). */
        NEW_FROM_FOLLOWED,
        /** Popular with all listeners lately. */
        POPULAR,
        /** Among the newest episodes of the catalogue. */
        JUST_PUBLISHED,
        /** Another episode of the same podcast, close in subject (subject: the podcast's title). */
        SAME_PODCAST,
        /** Close in subject to an episode or podcast (subject: its title). */
        CLOSE_IN_SUBJECT,
        /** A podcast in a category of another (subject: the other's title; category: the shared one). */
        SHARED_CATEGORY,
        /** An episode with a person of another podcast's episode, one the listener liked or is on (subject: their name). */
        WITH_PERSON,
        /** A podcast the makers of another recommend in its feed, podcast:podroll (subject: the other's title). */
        RECOMMENDED_BY_MAKERS
    }

    public static Reason of(Kind kind) {
        return new Reason(kind, null, null);
    }

    public static Reason of(Kind kind, String subject) {
        return new Reason(kind, subject, null);
    }

    public static Reason sharedCategory(String podcast, String category) {
        return new Reason(Kind.SHARED_CATEGORY, podcast, category);
    }

    /** The reason in English, as a person can check it. */
    public String text() {
        return switch (kind) {
            case CLOSE_TO_HISTORY -> "Close to what you listen to";
            case INTEREST -> "Matches your interest in " + subject;
            case LIKED -> "Because you liked " + (subject == null ? "an episode" : subject);
            case LISTENED -> "Because you listened to " + (subject == null ? "an episode" : subject);
            case FOLLOWED -> "Because you follow " + (subject == null ? "a podcast" : subject);
            case SIMILAR_LISTENERS -> "Listeners with your taste enjoyed this";
            case NEW_FROM_FOLLOWED -> subject == null ? "New from a podcast you follow" : "New from " + subject + ", which you follow";
            case POPULAR -> "Popular with listeners this month";
            case JUST_PUBLISHED -> "Just published";
            case SAME_PODCAST -> "Also from " + subject + ", on a close subject";
            case CLOSE_IN_SUBJECT -> "Close in subject to " + subject;
            case SHARED_CATEGORY -> "Like " + subject + ", it is about " + category;
            case WITH_PERSON -> "More with " + subject;
            case RECOMMENDED_BY_MAKERS -> "Recommended by the makers of " + subject;
        };
    }
}
