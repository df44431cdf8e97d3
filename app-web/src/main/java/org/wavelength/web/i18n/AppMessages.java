package org.wavelength.web.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.wavelength.core.domain.FeedStatus;

/**
 * Every word the pages show, in English; {@code messages/msg_zh.properties} has them in Chinese.
 * Templates read them as {@code {msg:key}}; page code asks {@link ChosenUiLanguage#messages()}.
 * Messages that hold a link are output raw ({@code .raw}): they take no parameters, so nothing a
 * visitor typed can reach the page unescaped.
 */
@MessageBundle(value = "msg", locale = "en")
public interface AppMessages {

    // --- Layout ------------------------------------------------------------------------------------

    @Message("Skip to content")
    String skipToContent();

    @Message("Main")
    String navMain();

    @Message("Home")
    String navHome();

    @Message("Search")
    String search();

    @Message("Profile")
    String navProfile();

    @Message("Admin")
    String navAdmin();

    @Message("Signed in as {username}")
    String signedInAs(String username);

    @Message("Sign out")
    String signOut();

    @Message("Sign up")
    String signUp();

    @Message("Sign out everywhere")
    String signOutEverywhere();

    @Message("Ends every session of your account, on every device and browser, this one included.")
    String signOutEverywhereHelp();

    @Message("Your sessions")
    String yourSessions();

    // --- Apps and tokens (/me) -------------------------------------------------------------------------

    @Message("Apps and tokens")
    String appsAndTokens();

    @Message("A token lets a podcast app or a script use your account. Send it as Authorization: Bearer followed by the token, or, in apps that only ask for a user name and password, give your user name and the token as the password. A token cannot make or revoke tokens.")
    String tokensHelp();

    @Message("Your tokens")
    String yourTokens();

    @Message("No tokens yet.")
    String noTokens();

    @Message("Name of a new token (what it is for, such as phone)")
    String tokenName();

    @Message("Create token")
    String createToken();

    @Message("Your new token {name}. Copy it now: it is shown only this once.")
    String tokenCreated(String name);

    @Message("Made {made} · last used {used}")
    String tokenUsed(String made, String used);

    @Message("Made {made} · never used")
    String tokenNeverUsed(String made);

    @Message("Revoke {name}")
    String revokeToken(String name);

    @Message("Copy")
    String copy();

    @Message("Your For you feed")
    String forYouFeed();

    @Message("A private podcast feed of your recommendations, each with the reason it was chosen. Subscribe to its address in any podcast app: it changes as your recommendations do. Anyone with the address can read it; if it leaks, make a new one.")
    String forYouFeedHelp();

    @Message("Feed address")
    String forYouFeedAddress();

    @Message("Subscribe in your app")
    String subscribeInApp();

    @Message("Your feed is off.")
    String forYouFeedOff();

    @Message("Make my feed address")
    String makeFeedAddress();

    @Message("Make a new address (the old one stops working)")
    String renewFeedAddress();

    @Message("Turn the feed off")
    String turnFeedOff();

    @Message("Subscriptions in other apps")
    String subscriptionsElsewhere();

    @Message("Take your subscriptions to another podcast app as an OPML file, or bring them here from one: podcasts Wavelength knows are subscribed to at once; new feeds are added, and subscribed to once they are fetched.")
    String subscriptionsElsewhereHelp();

    @Message("Download your subscriptions (OPML)")
    String exportSubscriptions();

    @Message("OPML file")
    String opmlFile();

    @Message("Or the address of an OPML file")
    String opmlAddress();

    @Message("Import subscriptions")
    String importSubscriptions();

    @Message("What the import did")
    String importResults();

    @Message("subscribed")
    String importSubscribed();

    @Message("added: you will be subscribed once it is fetched")
    String importWaiting();

    @Message("not added: {reason}")
    String importRefused(String reason);

    @Message("Choose an OPML file, or give its address.")
    String chooseOpml();

    @Message("Sign in")
    String signIn();

    @Message("Language")
    String languageSwitch();

    @Message("Wavelength: podcasts chosen for you, each with a reason.")
    String footer();

    @Message("Pages")
    String pages();

    @Message("Previous")
    String previous();

    @Message("Next")
    String next();

    @Message("Actions")
    String actions();

    // --- Home --------------------------------------------------------------------------------------

    @Message("For you")
    String forYou();

    @Message("Tell us what you like, and we will choose episodes for you. You can change this later in your <a href=\"/me\">profile</a>.")
    String onboardingIntro();

    @Message("No languages in the catalogue yet.")
    String noLanguagesYet();

    @Message("Languages you listen in (none: any)")
    String languagesLegend();

    @Message("Your interests")
    String yourInterests();

    @Message("For example: astronomy, home cooking; football tactics")
    String onboardingInterestsHelp();

    @Message("Save and show my episodes")
    String onboardingSubmit();

    @Message("Nothing to recommend yet. Listen to, like or follow a few episodes and podcasts, or add interests in your <a href=\"/me\">profile</a>.")
    String nothingToRecommend();

    @Message("Popular")
    String popular();

    @Message("New")
    String newest();

    @Message("Podcasts")
    String podcasts();

    @Message("No podcasts yet")
    String noPodcastsYet();

    @Message("This feed lists {listed} episodes; only its newest {kept} are kept (wavelength.ingest.max-items-per-feed).")
    String feedItemsCapped(int listed, int kept);

    @Message("We could not reach any of the {total} feeds we tried")
    String feedsUnreachable(long total);

    @Message("You may be offline. Add a feed by its address, or upload a feed file or an OPML list.")
    String feedsUnreachableAdvice();

    @Message("Fetching {waiting} {#if waiting == 1}feed{#else}feeds{/if}. Podcasts appear here as they arrive; reload in a moment.")
    String fetchingFeeds(long waiting);

    @Message("The catalogue is empty. Add a feed by its address, or upload a feed file or an OPML list.")
    String catalogueEmpty();

    @Message("Feeds are added by an admin. <a href=\"/login\">Sign in</a> as admin to add some.")
    String feedsAreAddedByAnAdmin();

    @Message("{total} {#if total == 1}podcast{#else}podcasts{/if} in the catalogue.")
    String podcastCount(long total);

    @Message("{count} {#if count == 1}episode{#else}episodes{/if}")
    String episodeCount(int count);

    // --- Reasons -----------------------------------------------------------------------------------

    @Message("Close to what you listen to")
    String reasonCloseToHistory();

    @Message("Matches your interest in {interest}")
    String reasonInterest(String interest);

    @Message("Because you liked {title}")
    String reasonLiked(String title);

    @Message("Because you liked an episode")
    String reasonLikedGone();

    @Message("Because you listened to {title}")
    String reasonListened(String title);

    @Message("Because you listened to an episode")
    String reasonListenedGone();

    @Message("Because you follow {podcast}")
    String reasonFollowed(String podcast);

    @Message("Because you follow a podcast")
    String reasonFollowedGone();

    @Message("Listeners with your taste enjoyed this")
    String reasonSimilarListeners();

    @Message("New from {podcast}, which you follow")
    String reasonNewFromFollowed(String podcast);

    @Message("New from a podcast you follow")
    String reasonNewFromFollowedGone();

    @Message("Popular with listeners this month")
    String reasonPopular();

    @Message("Just published")
    String reasonJustPublished();

    @Message("Also from {podcast}, on a close subject")
    String reasonSamePodcast(String podcast);

    @Message("Close in subject to {title}")
    String reasonCloseInSubject(String title);

    @Message("Like {podcast}, it is about {category}")
    String reasonSharedCategory(String podcast, String category);

    @Message("More with {person}")
    String reasonWithPerson(String person);

    @Message("Recommended by the makers of {podcast}")
    String reasonRecommendedByMakers(String podcast);

    // --- Durations ---------------------------------------------------------------------------------

    @Message("{minutes} min")
    String durationMinutes(int minutes);

    /** minutes: two digits, "05". */
    @Message("{hours} h {minutes} min")
    String durationHours(int hours, String minutes);

    // --- Podcast -----------------------------------------------------------------------------------

    @Message("Cover of {title}")
    String coverOf(String title);

    @Message("By {author}")
    String byAuthor(String author);

    @Message("Explicit")
    String explicit();

    @Message("Website")
    String website();

    @Message("You follow this podcast.")
    String youFollowThisPodcast();

    @Message("Subscribe")
    String subscribe();

    @Message("Unsubscribe")
    String unsubscribe();

    @Message("Sign in to subscribe")
    String signInToSubscribe();

    @Message("Episodes")
    String episodes();

    @Message("No episodes.")
    String noEpisodes();

    @Message("Play {title}")
    String play(String title);

    @Message("Similar podcasts")
    String similarPodcasts();

    @Message("None yet: similar podcasts appear once more of the catalogue is indexed.")
    String noSimilarPodcasts();

    @Message("This form subscribes or unsubscribes.")
    String subscriptionFormOnly();

    // --- Episode -----------------------------------------------------------------------------------

    @Message("From")
    String fromPodcast();

    @Message("No longer in the feed")
    String goneFromFeed();

    @Message("Listen")
    String listen();

    @Message("Download the episode")
    String downloadEpisode();

    @Message("This episode has no audio file.")
    String noAudio();

    @Message("Your verdict")
    String yourVerdict();

    @Message("Like")
    String like();

    @Message("Dislike")
    String dislike();

    @Message("Not interested in {podcast}")
    String notInterestedIn(String podcast);

    /** Follows a "Sign in" link. */
    @Message(" to like this episode, dislike it, or hide its podcast from your recommendations.")
    String signInToJudge();

    @Message("Show notes")
    String showNotes();

    @Message("No show notes.")
    String noShowNotes();

    @Message("Chapters")
    String chapters();

    @Message("Transcript")
    String transcript();

    @Message("No transcript for this episode.")
    String noTranscript();

    @Message("Similar episodes")
    String similarEpisodes();

    @Message("None yet: similar episodes appear once more of the catalogue is indexed.")
    String noSimilarEpisodes();

    @Message("Liked.")
    String verdictLiked();

    @Message("Disliked: fewer episodes like this one.")
    String verdictDisliked();

    @Message("Noted: this podcast will not be recommended to you.")
    String verdictNotInterested();

    @Message("This form records LIKE, DISLIKE or NOT_INTERESTED.")
    String verdictFormOnly();

    @Message("The player records PLAY, PROGRESS or COMPLETE.")
    String playerEventsOnly();

    // --- Search ------------------------------------------------------------------------------------

    @Message("Words, a topic, or a sentence you remember hearing")
    String searchQuery();

    @Message("Kind")
    String searchKind();

    @Message("Everything")
    String kindEverything();

    @Message("Transcript passages")
    String passages();

    @Message("Language (e.g. en)")
    String searchLanguage();

    @Message("Category")
    String searchCategory();

    @Message("At least (minutes)")
    String searchMinMinutes();

    @Message("At most (minutes)")
    String searchMaxMinutes();

    @Message("Explicit podcasts")
    String searchExplicit();

    @Message("Included")
    String explicitIncluded();

    @Message("Left out")
    String explicitLeftOut();

    @Message("Only explicit")
    String explicitOnly();

    @Message("Results for “{query}”")
    String resultsFor(String query);

    @Message("Nothing matched. Try other words, or fewer filters.")
    String nothingFound();

    /** Shown when the relevance floor left fewer results than a page holds. */
    @Message("Only {count} good {#if count == 1}match{#else}matches{/if}.")
    String onlyGoodMatches(int count);

    @Message("Podcast")
    String kindPodcast();

    @Message("Episode")
    String kindEpisode();

    @Message("Passage")
    String kindPassage();

    @Message("{title} at {clock}")
    String passageAt(String title, String clock);

    @Message("{speaker} speaking")
    String speaking(String speaker);

    // --- Profile -----------------------------------------------------------------------------------

    @Message("Your profile")
    String yourProfile();

    @Message("Your preferences are saved.")
    String preferencesSaved();

    @Message("Preferences")
    String preferences();

    @Message("Recommend explicit podcasts")
    String recommendExplicit();

    @Message("Separate them with commas, for example: astronomy, home cooking")
    String interestsHelp();

    @Message("Interface language")
    String uiLanguage();

    @Message("Automatic")
    String uiLanguageAutomatic();

    @Message("Save preferences")
    String savePreferences();

    @Message("History")
    String history();

    @Message("Nothing yet. What you play, finish, like and follow appears here.")
    String historyEmpty();

    @Message("Played")
    String historyPlayed();

    @Message("Listened")
    String historyListened();

    @Message("Listened to {duration}")
    String historyListenedTo(String duration);

    @Message("Finished")
    String historyFinished();

    @Message("Liked")
    String historyLiked();

    @Message("Disliked")
    String historyDisliked();

    @Message("Subscribed to")
    String historySubscribed();

    @Message("Unsubscribed from")
    String historyUnsubscribed();

    @Message("Not interested in")
    String historyNotInterested();

    @Message("an item no longer in the catalogue")
    String goneItem();

    @Message("Likes")
    String likes();

    @Message("No liked episodes yet.")
    String noLikes();

    @Message("Subscriptions")
    String subscriptions();

    @Message("You follow no podcasts yet.")
    String noSubscriptions();

    @Message("Choose at most {max} languages.")
    String tooManyLanguages(int max);

    @Message("{code} is not a language code such as en or pt-BR.")
    String notALanguageCode(String code);

    @Message("Interests are limited to {max} characters.")
    String interestsTooLong(int max);

    @Message("The interface speaks English (en) or Chinese (zh); {code} is neither.")
    String unknownUiLanguage(String code);

    // --- Sign in and sign up -----------------------------------------------------------------------

    @Message("That user name and password do not match. Try again.")
    String signInFailed();

    @Message("Too many failed sign-ins from here. Try again in {seconds} seconds.")
    String signInPaused(long seconds);

    @Message("Your account {username} is ready. Sign in with your new password.")
    String accountReady(String username);

    @Message("User name")
    String userName();

    @Message("Password")
    String password();

    @Message("New here? <a href=\"/signup\">Sign up</a>.")
    String newHere();

    @Message("3 to 40 letters, digits, dots, dashes or underscores.")
    String userNameHelp();

    @Message("At least 10 characters.")
    String passwordHelp();

    @Message("Password again")
    String passwordAgain();

    @Message("Create account")
    String createAccount();

    @Message("Already have an account? <a href=\"/login\">Sign in</a>.")
    String haveAnAccount();

    @Message("A user name has 3 to 40 characters: letters, digits, dots, dashes and underscores.")
    String userNameRule();

    @Message("A password has at least {min} characters.")
    String passwordTooShort(int min);

    @Message("A password has at most {max} bytes.")
    String passwordTooLong(int max);

    @Message("The two passwords differ. Type the same password twice.")
    String passwordsDiffer();

    @Message("Change password")
    String changePassword();

    @Message("Current password")
    String currentPassword();

    @Message("New password")
    String newPassword();

    @Message("Every session of your account ends with the change, this one too: you sign in again with the new password.")
    String changePasswordHelp();

    @Message("The current password is wrong.")
    String currentPasswordWrong();

    @Message("Your password is changed, and every session has ended. Sign in with the new password.")
    String passwordChanged();

    @Message("The user name {username} is taken. Choose another.")
    String userNameTaken(String username);

    // --- Errors ------------------------------------------------------------------------------------

    /** The title of an error page; in English the status line's own words. */
    @Message("{#when status}{#is 400}Bad Request{#is 401}Unauthorized{#is 403}Forbidden{#is 404}Not Found"
            + "{#is 405}Method Not Allowed{#is 406}Not Acceptable{#is 415}Unsupported Media Type"
            + "{#is 500}Internal Server Error{#else}Error {status}{/when}")
    String errorTitle(int status);

    /** What an error page says when the error brought no words of its own. */
    @Message("{#when status}{#is 400}The request was not understood.{#is 403}This needs the admin role.{#is 404}Nothing here."
            + "{#is 405}This address does not take that method.{#is 406}This address cannot answer in the requested media type."
            + "{#is 415}The body's content type is not one this address takes."
            + "{#else}Something went wrong. Try again in a moment.{/when}")
    String errorExplanation(int status);

    /** kind: podcast, episode, feed, user or person. */
    @Message("There is no {kind} with id {id}.")
    String unknownItem(String kind, long id);

    /** kind: category or language. */
    @Message("There is no {kind} named {name}.")
    String unknownNamedItem(String kind, String name);

    @Message("Back to the podcasts")
    String backToThePodcasts();

    // --- Admin -------------------------------------------------------------------------------------

    @Message("<a href=\"/admin/feeds\">Feeds</a>: add, upload, refresh and export the catalogue's feeds.")
    String adminFeedsLink();

    @Message("<a href=\"/admin/index\">Index</a>: the vector index per language, and blue/green rebuilds.")
    String adminIndexLink();

    @Message("<a href=\"/admin/users\">Users</a>: accounts and their roles.")
    String adminUsersLink();

    @Message("Feeds")
    String feeds();

    @Message("Ingestion is off on this instance (wavelength.ingest.enabled=false): an ingest worker fetches the feeds.")
    String ingestionOff();

    @Message("Add feeds")
    String addFeeds();

    @Message("Export all feeds as OPML")
    String exportOpml();

    @Message("{total} {#if total == 1}feed{#else}feeds{/if}")
    String feedCount(long total);

    @Message("Feed")
    String feed();

    @Message("Status")
    String status();

    @Message("Last fetch")
    String lastFetch();

    @Message("Next fetch")
    String nextFetch();

    /** A feed's state; in English its code, as the API shows it. */
    @Message("{status}")
    String feedStatus(FeedStatus status);

    @Message("Refresh")
    String refresh();

    @Message("Feed address")
    String feedAddress();

    @Message("Add feed")
    String addFeed();

    @Message("Feed file (RSS, Atom) or OPML list")
    String feedFile();

    @Message("Upload")
    String upload();

    @Message("Added {url}. It is being fetched; refresh this page to follow it.")
    String feedAdded(String url);

    @Message("{url} is already in the catalogue.")
    String feedAlreadyPresent(String url);

    @Message("Choose a feed file (RSS or Atom) or an OPML file to upload.")
    String chooseAFile();

    @Message("The file is larger than the 20 MB limit.")
    String fileTooLarge();

    @Message("OPML imported: {added} added, {present} already present, {invalid} invalid.")
    String opmlImported(int added, int present, int invalid);

    @Message("Ingested {title} from {file}.")
    String feedIngested(String title, String file);

    @Message("Fetching {url} again.")
    String fetchingAgain(String url);

    @Message("Index")
    String index();

    @Message("Writes: {mode}{#if pending > 0}, {pending} pending{/if}.")
    String indexWrites(String mode, int pending);

    @Message("Segments")
    String segments();

    @Message("No segments yet: each language gets one when its first podcast is indexed.")
    String noSegments();

    @Message("Segment")
    String segment();

    @Message("Serving collection")
    String servingCollection();

    @Message("Model")
    String model();

    @Message("Users")
    String users();

    @Message("none")
    String none();

    @Message("Rebuild")
    String rebuild();

    @Message("Rebuild segment {segment}")
    String rebuildSegment(String segment);

    @Message("Rebuilds")
    String rebuilds();

    @Message("No rebuild since this instance started.")
    String noRebuilds();

    @Message("{segment}: {state}, {done} of {total} into {target}")
    String rebuildProgress(String segment, String state, long done, long total, String target);

    @Message("Choose a segment to rebuild.")
    String chooseASegment();

    @Message("Rebuilding {segment} into {target}; the current collection serves until the switch. Reload to follow it.")
    String rebuilding(String segment, String target);

    @Message("{total} {#if total == 1}account{#else}accounts{/if}.")
    String accountCount(long total);

    @Message("Roles")
    String roles();

    @Message("Created")
    String created();

    @Message("(you)")
    String you();

    @Message("Your own role cannot be revoked here.")
    String ownRoleStays();

    @Message("Revoke admin")
    String revokeAdmin();

    @Message("Revoke admin from {username}")
    String revokeAdminFrom(String username);

    @Message("Make admin")
    String makeAdmin();

    @Message("Make {username} an admin")
    String makeAdminOf(String username);

    @Message("{username} is now an admin.")
    String nowAnAdmin(String username);

    @Message("{username} is no longer an admin.")
    String noLongerAnAdmin(String username);

    @Message("You cannot revoke your own admin role; ask another admin.")
    String cannotRevokeOwnRole();

    @Message("Choose grant or revoke.")
    String chooseGrantOrRevoke();

    // --- Ask for a podcast (the chat) ---------------------------------------------------------------

    @Message("Ask")
    String navAsk();

    @Message("Ask for a podcast")
    String askTitle();

    @Message("Say what you would like to hear: a topic, a length, a language, a show you like. Follow-ups refine the last answer.")
    String askIntro();

    @Message("No language model is configured, so answers come from search over the catalogue.")
    String askNoModel();

    @Message("Conversation")
    String askConversation();

    @Message("You asked:")
    String askYouAsked();

    @Message("Answered by the language model")
    String askAnsweredByModel();

    @Message("Answered from search")
    String askAnsweredBySearch();

    @Message("What would you like to listen to?")
    String askMessage();

    @Message("A short episode on the history of computing, in Chinese")
    String askPlaceholder();

    @Message("The connection was lost; the question was not answered. Try again.")
    String askConnectionLost();

    // --- htmx confirmations and announcements ----------------------------------------------------------

    @Message("Subscribed.")
    String subscribedDone();

    @Message("Unsubscribed.")
    String unsubscribedDone();

    @Message("{count} {#if count == 1}result{#else}results{/if}.")
    String searchResultCount(int count);
}
