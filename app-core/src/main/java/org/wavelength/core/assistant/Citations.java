package org.wavelength.core.assistant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.wavelength.core.domain.Episode;
import org.wavelength.core.domain.Passage;
import org.wavelength.core.domain.Podcast;
import org.wavelength.core.port.CatalogueStore;

/**
 * Checks the links in an answer a language model wrote: every {@code /podcasts/{id}} and
 * {@code /episodes/{id}} link, in Markdown ({@code [label](/episodes/12?t=754)}) or plain, relative or
 * absolute, is kept only if the item is in the catalogue. A kept link is written in its canonical
 * relative form (an absolute one points at this site, whatever host the model wrote; of the query,
 * only an episode's {@code ?t=} start time stays). A link to an item that does not exist is dropped:
 * a Markdown link keeps its label as plain text, a plain one goes. The items kept are returned in
 * the order first cited, once per canonical link, each with the sentence that cites it as its
 * reason; an episode cited at a time comes with the passage of its transcript that holds that time.
 */
public class Citations {

    /** The reason of an item whose sentence has no words of its own (a bare list of links). */
    static final String CITED = "Cited in the answer";
    static final int MAX_REASON_CHARS = 200;

    /** The answer with only links that hold, and the items they cite. */
    public record Checked(String text, List<CitedItem> items) {

        public Checked {
            items = List.copyOf(items);
        }
    }

    /** A link to an item's page, its groups named after {@code name}: kind, id and query. */
    private static String url(String name) {
        return "(?:https?://[^\\s/()<>\\[\\]]+)?/(?<" + name + "Kind>podcasts|episodes)/(?<" + name + "Id>\\d{1,18})/?"
                + "(?<" + name + "Query>\\?[\\w=&.%+-]*[\\w=&%+-])?(?:#[\\w-]*)?";
    }

    /** A Markdown link, or a plain one that is not part of a longer path or word. */
    private static final Pattern LINK = Pattern.compile("\\[(?<label>[^\\]\\n]{0,500})\\]\\(\\s*<?" + url("markdown") + ">?\\s*\\)"
            + "|(?<![\\w/.-])" + url("plain") + "(?![\\w/])");
    private static final Pattern START_TIME = Pattern.compile("[?&]t=(\\d{1,7}(?:\\.\\d{1,3})?)(?:&|$)");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("!?\\[([^\\]\\n]*)\\]\\([^)\\n]*\\)");
    private static final Pattern SITE_PATH = Pattern.compile("/(?:podcasts|episodes)/\\d+(?:\\?t=\\d+(?:\\.\\d+)?)?");
    private static final Pattern DECORATION = Pattern.compile("^\\s*(?:[-*+>#]+|\\d+[.)])\\s+|[*_`]+");

    private final CatalogueStore catalogue;

    public Citations(CatalogueStore catalogue) {
        this.catalogue = catalogue;
    }

    public Checked check(String answer) {
        String text = answer == null ? "" : answer;
        List<Link> links = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            links.add(Link.of(m));
        }
        Found found = lookUp(links);

        StringBuilder out = new StringBuilder(text.length());
        Map<String, Integer> citedAt = new LinkedHashMap<>(); // item key -> where its first link is in the output
        Map<String, CitedItem> items = new LinkedHashMap<>();
        int last = 0;
        for (Link link : links) {
            out.append(text, last, link.start());
            CitedItem item = found.item(link);
            if (item == null && link.label() != null) {
                out.append(link.label());
            } else if (item == null) { // a plain link goes, and the space before it if a space or a stop follows
                boolean spaceOrStop = link.end() == text.length() || !Character.isLetterOrDigit(text.charAt(link.end()));
                if (spaceOrStop && !out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
                    out.setLength(out.length() - 1);
                }
            } else {
                String key = link.canonical();
                citedAt.putIfAbsent(key, out.length());
                items.putIfAbsent(key, item);
                out.append(link.label() == null ? link.canonical() : "[" + link.label() + "](" + link.canonical() + ")");
            }
            last = link.end();
        }
        out.append(text.substring(last));
        String checked = out.toString();

        List<CitedItem> cited = new ArrayList<>(items.size());
        items.forEach((key, item) -> cited.add(item.withReason(reason(checked, citedAt.get(key)))));
        return new Checked(checked, cited);
    }

    /** One link as written, and where. {@code label} is null for a plain link; {@code at} its start time, if any. */
    private record Link(int start, int end, String label, boolean episode, long id, String at) {

        static Link of(Matcher m) {
            String form = m.group("markdownKind") != null ? "markdown" : "plain";
            boolean episode = m.group(form + "Kind").equals("episodes");
            String query = m.group(form + "Query");
            Matcher time = START_TIME.matcher(query == null ? "" : query);
            return new Link(m.start(), m.end(), m.group("label"), episode, Long.parseLong(m.group(form + "Id")),
                    episode && time.find() ? time.group(1) : null);
        }

        String canonical() {
            return (episode ? "/episodes/" : "/podcasts/") + id + (at == null ? "" : "?t=" + at);
        }
    }

    /** What the catalogue holds of the cited items, read in one call per kind (and one per episode cited at a time). */
    private record Found(Map<Long, Podcast> podcasts, Map<Long, Episode> episodes, Map<String, Passage> passages) {

        CitedItem item(Link link) {
            if (!link.episode()) {
                Podcast podcast = podcasts.get(link.id());
                return podcast == null ? null : new CitedItem(podcast, null, null, CITED);
            }
            Episode episode = episodes.get(link.id());
            Podcast podcast = episode == null ? null : podcasts.get(episode.podcastId());
            return podcast == null ? null
                    : new CitedItem(podcast, episode, passages.get(link.canonical()), CITED);
        }
    }

    private Found lookUp(List<Link> links) {
        Set<Long> episodeIds = links.stream().filter(Link::episode).map(Link::id).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<Long, Episode> episodes = episodeIds.isEmpty() ? Map.of()
                : catalogue.episodes(episodeIds).stream().collect(Collectors.toMap(Episode::id, Function.identity()));
        Set<Long> podcastIds = links.stream().filter(l -> !l.episode()).map(Link::id).collect(Collectors.toCollection(LinkedHashSet::new));
        episodes.values().forEach(e -> podcastIds.add(e.podcastId()));
        Map<Long, Podcast> podcasts = podcastIds.isEmpty() ? Map.of()
                : catalogue.podcasts(podcastIds).stream().collect(Collectors.toMap(Podcast::id, Function.identity()));
        Map<String, Passage> passages = new LinkedHashMap<>();
        Map<Long, List<Passage>> transcripts = new LinkedHashMap<>();
        for (Link link : links) {
            if (link.at() != null && episodes.containsKey(link.id())) {
                double at = Double.parseDouble(link.at());
                transcripts.computeIfAbsent(link.id(), catalogue::passages).stream()
                        .filter(p -> p.start() <= at && at < p.end()).findFirst()
                        .ifPresent(p -> passages.put(link.canonical(), p));
            }
        }
        return new Found(podcasts, episodes, passages);
    }

    /** The sentence of the answer that holds position {@code at}, links shown as their labels. */
    static String reason(String text, int at) {
        int start = at;
        while (start > 0 && !sentenceStartsAt(text, start)) {
            start--;
        }
        int end = at;
        while (end < text.length() && !sentenceEndsAt(text, end)) {
            end++;
        }
        String sentence = text.substring(start, Math.min(text.length(), end + 1));
        sentence = MARKDOWN_LINK.matcher(sentence).replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
        sentence = SITE_PATH.matcher(sentence).replaceAll("");
        sentence = DECORATION.matcher(sentence).replaceAll("").replaceAll("\\s+", " ").replaceAll(" ([.,;:!?])", "$1").strip();
        if (!sentence.codePoints().anyMatch(Character::isLetterOrDigit)) {
            return CITED;
        }
        return sentence.length() <= MAX_REASON_CHARS ? sentence : sentence.substring(0, MAX_REASON_CHARS - 1).strip() + "…";
    }

    private static boolean sentenceStartsAt(String text, int i) {
        char before = text.charAt(i - 1);
        return before == '\n' || "。！？".indexOf(before) >= 0
                || Character.isWhitespace(before) && i >= 2 && ".!?".indexOf(text.charAt(i - 2)) >= 0;
    }

    private static boolean sentenceEndsAt(String text, int i) {
        char c = text.charAt(i);
        return c == '\n' || "。！？".indexOf(c) >= 0
                || ".!?".indexOf(c) >= 0 && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)));
    }
}
