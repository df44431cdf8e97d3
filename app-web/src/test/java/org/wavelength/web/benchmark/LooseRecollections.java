package org.wavelength.web.benchmark;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * How a listener remembers a sentence they heard, imperfectly: the kinds of {@link Kind}, each made
 * from the sentence by fixed rules and a seeded random draw, so that a run is repeatable. Written
 * once from how people recall speech (the gist and a few striking words, rarely the order, often
 * other words for the same thing, and typed in a hurry), not tuned to any figure.
 */
final class LooseRecollections {

    enum Kind {
        /** Four to six of the sentence's content words, shuffled. */
        REORDERED("some words, shuffled"),
        /** About half of the sentence's words, in their order. */
        DROPPED("half the words"),
        /** Every word of the substitution table replaced by its synonym or paraphrase. */
        PARAPHRASED("in other words"),
        /** The three rarest content words of the sentence, in its order: a summary of what it was about. */
        KEY_WORDS("three key words"),
        /** About half of the words, the two longest misspelled. */
        TYPOS("half, two typos"),
        /** Five content words shuffled, one said otherwise and one misspelled. */
        MIXED("shuffled, a synonym, a typo");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’]*");

    /** Words that carry little of a sentence: nobody remembers them. */
    static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "and", "or", "but", "if", "so", "of", "to", "in",
            "on", "at", "by", "for", "with", "about", "from", "as", "into", "than", "then", "that", "this", "these",
            "those", "there", "here", "it", "it's", "its", "i", "i'm", "i've", "i'd", "i'll", "you", "you're", "we",
            "we're", "they", "they're", "he", "she", "him", "her", "his", "them", "their", "our", "my", "your", "me",
            "us", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "doing", "have", "has",
            "had", "having", "will", "would", "can", "could", "should", "just", "like", "really", "very", "yeah",
            "um", "uh", "oh", "okay", "ok", "well", "kind", "sort", "thing", "things", "stuff", "lot", "also", "too",
            "what", "which", "who", "when", "where", "why", "how", "all", "any", "some", "not", "no", "yes", "don't",
            "that's", "there's", "what's", "gonna", "get", "got", "going", "know", "think", "mean", "say", "said",
            "one", "more", "much", "even", "actually", "right", "because", "out", "up", "down", "now", "way");

    /**
     * Other words for the same thing, as a listener might put it: common words of speech and of
     * software talk. Fixed; every word of a sentence that is a key here is replaced.
     */
    static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("think", "believe"), Map.entry("know", "realize"), Map.entry("people", "folks"),
            Map.entry("really", "truly"), Map.entry("big", "large"), Map.entry("small", "tiny"),
            Map.entry("little", "bit"), Map.entry("lot", "bunch"), Map.entry("talk", "speak"),
            Map.entry("talking", "speaking"), Map.entry("start", "begin"), Map.entry("started", "began"),
            Map.entry("starting", "beginning"), Map.entry("use", "employ"), Map.entry("using", "employing"),
            Map.entry("used", "employed"), Map.entry("want", "wish"), Map.entry("wanted", "wished"),
            Map.entry("good", "nice"), Map.entry("great", "excellent"), Map.entry("bad", "poor"),
            Map.entry("hard", "difficult"), Map.entry("easy", "simple"), Map.entry("fast", "quick"),
            Map.entry("quickly", "rapidly"), Map.entry("make", "create"), Map.entry("made", "created"),
            Map.entry("making", "creating"), Map.entry("build", "construct"), Map.entry("built", "constructed"),
            Map.entry("building", "constructing"), Map.entry("work", "job"), Map.entry("working", "laboring"),
            Map.entry("job", "position"), Map.entry("company", "business"), Map.entry("companies", "businesses"),
            Map.entry("money", "cash"), Map.entry("buy", "purchase"), Map.entry("bought", "purchased"),
            Map.entry("problem", "issue"), Map.entry("problems", "issues"), Map.entry("issue", "problem"),
            Map.entry("bug", "defect"), Map.entry("bugs", "defects"), Map.entry("fix", "repair"),
            Map.entry("fixed", "repaired"), Map.entry("code", "software"), Map.entry("program", "application"),
            Map.entry("app", "application"), Map.entry("team", "group"), Map.entry("teams", "groups"),
            Map.entry("kids", "children"), Map.entry("child", "kid"), Map.entry("wife", "spouse"),
            Map.entry("husband", "spouse"), Map.entry("house", "home"), Map.entry("car", "vehicle"),
            Map.entry("book", "novel"), Map.entry("books", "novels"), Map.entry("idea", "notion"),
            Map.entry("ideas", "notions"), Map.entry("happy", "glad"), Map.entry("sad", "unhappy"),
            Map.entry("scared", "afraid"), Map.entry("angry", "mad"), Map.entry("tired", "exhausted"),
            Map.entry("brain", "mind"), Map.entry("understand", "grasp"), Map.entry("learn", "study"),
            Map.entry("learned", "studied"), Map.entry("learning", "studying"), Map.entry("teach", "instruct"),
            Map.entry("help", "assist"), Map.entry("helped", "assisted"), Map.entry("helps", "assists"),
            Map.entry("important", "crucial"), Map.entry("interesting", "fascinating"),
            Map.entry("maybe", "perhaps"), Map.entry("probably", "likely"), Map.entry("always", "constantly"),
            Map.entry("never", "not once"), Map.entry("often", "frequently"), Map.entry("sometimes", "occasionally"),
            Map.entry("begin", "start"), Map.entry("end", "finish"), Map.entry("ended", "finished"),
            Map.entry("stop", "quit"), Map.entry("stopped", "quit"), Map.entry("try", "attempt"),
            Map.entry("trying", "attempting"), Map.entry("tried", "attempted"), Map.entry("look", "glance"),
            Map.entry("looking", "searching"), Map.entry("find", "discover"), Map.entry("found", "discovered"),
            Map.entry("show", "demonstrate"), Map.entry("tell", "inform"), Map.entry("told", "informed"),
            Map.entry("ask", "inquire"), Map.entry("asked", "inquired"), Map.entry("answer", "reply"),
            Map.entry("question", "query"), Map.entry("questions", "queries"), Map.entry("world", "globe"),
            Map.entry("country", "nation"), Map.entry("city", "town"), Map.entry("time", "moment"),
            Map.entry("year", "twelve months"), Map.entry("years", "decades"),
            Map.entry("week", "seven days"), Map.entry("friend", "buddy"), Map.entry("friends", "buddies"),
            Map.entry("person", "individual"), Map.entry("guy", "fellow"), Map.entry("guys", "fellows"),
            Map.entry("community", "ecosystem"), Map.entry("open", "public"), Map.entry("source", "origin"),
            Map.entry("project", "initiative"), Map.entry("projects", "initiatives"), Map.entry("feature", "capability"),
            Map.entry("features", "capabilities"), Map.entry("computer", "machine"), Map.entry("computers", "machines"),
            Map.entry("phone", "mobile"), Map.entry("internet", "web"), Map.entry("website", "site"),
            Map.entry("write", "author"), Map.entry("writing", "authoring"), Map.entry("wrote", "authored"),
            Map.entry("read", "peruse"), Map.entry("reading", "perusing"), Map.entry("change", "alter"),
            Map.entry("changed", "altered"), Map.entry("changes", "alterations"), Map.entry("different", "distinct"),
            Map.entry("same", "identical"), Map.entry("new", "fresh"), Map.entry("old", "aged"),
            Map.entry("young", "youthful"), Map.entry("best", "finest"), Map.entry("better", "superior"),
            Map.entry("worse", "inferior"), Map.entry("huge", "enormous"), Map.entry("whole", "entire"),
            Map.entry("example", "instance"), Map.entry("reason", "cause"), Map.entry("story", "tale"),
            Map.entry("stories", "tales"), Map.entry("music", "songs"), Map.entry("game", "match"),
            Map.entry("games", "matches"), Map.entry("sleep", "rest"), Map.entry("eat", "consume"),
            Map.entry("food", "meals"), Map.entry("doctor", "physician"), Map.entry("study", "research"),
            Map.entry("studies", "research"), Map.entry("research", "study"), Map.entry("memory", "recall"),
            Map.entry("feel", "sense"), Map.entry("feeling", "sensation"), Map.entry("happen", "occur"),
            Map.entry("happened", "occurred"), Map.entry("happens", "occurs"), Map.entry("need", "require"),
            Map.entry("needs", "requires"), Map.entry("needed", "required"), Map.entry("give", "provide"),
            Map.entry("gave", "provided"), Map.entry("take", "grab"), Map.entry("took", "grabbed"),
            Map.entry("keep", "retain"), Map.entry("kept", "retained"), Map.entry("move", "shift"),
            Map.entry("moved", "shifted"), Map.entry("run", "operate"), Map.entry("running", "operating"),
            Map.entry("pay", "compensate"), Map.entry("paid", "compensated"), Map.entry("free", "gratis"),
            Map.entry("life", "existence"), Map.entry("live", "reside"), Map.entry("love", "adore"),
            Map.entry("hate", "despise"), Map.entry("funny", "hilarious"), Map.entry("crazy", "insane"),
            Map.entry("weird", "strange"), Map.entry("smart", "clever"), Map.entry("stupid", "dumb"),
            Map.entry("pretty", "fairly"), Map.entry("totally", "completely"), Map.entry("basically", "essentially"),
            Map.entry("exactly", "precisely"), Map.entry("definitely", "certainly"), Map.entry("especially", "particularly"));

    private static final String KEYBOARD = "qwertyuiopasdfghjklzxcvbnm";

    private final Map<String, Integer> documentFrequency;

    /** {@code texts}: the corpus, to tell the rare words of a sentence (what it is about) from the common ones. */
    LooseRecollections(Collection<String> texts) {
        Map<String, Integer> frequency = new HashMap<>();
        for (String text : texts) {
            new HashSet<>(words(text)).forEach(w -> frequency.merge(w, 1, Integer::sum));
        }
        this.documentFrequency = Map.copyOf(frequency);
    }

    /** The recollection of a sentence of this kind; {@code seed} fixes the draw. */
    String of(Kind kind, String sentence, long seed) {
        Random random = new Random(seed * 31 + kind.ordinal());
        List<String> words = words(sentence);
        return switch (kind) {
            case REORDERED -> String.join(" ", shuffled(sample(content(words), 4 + random.nextInt(3), random), random));
            case DROPPED -> String.join(" ", half(words, random));
            case PARAPHRASED -> String.join(" ", words.stream().map(w -> SYNONYMS.getOrDefault(w, w)).toList());
            case KEY_WORDS -> String.join(" ", rarest(words, 3));
            case TYPOS -> String.join(" ", misspelled(half(words, random), 2, random));
            case MIXED -> String.join(" ", mixed(words, random));
        };
    }

    static List<String> words(String text) {
        return WORD.matcher(text.toLowerCase(Locale.ROOT)).results().map(m -> m.group().replace('’', '\'')).toList();
    }

    private static List<String> content(List<String> words) {
        List<String> content = words.stream().filter(w -> w.length() >= 3 && !STOP_WORDS.contains(w)).distinct().toList();
        return content.size() >= 3 ? content : words;
    }

    /** {@code n} of the words at random, in their order. */
    private static List<String> sample(List<String> words, int n, Random random) {
        List<Integer> at = new ArrayList<>(IntStream.range(0, words.size()).boxed().toList());
        java.util.Collections.shuffle(at, random);
        return at.subList(0, Math.min(n, at.size())).stream().sorted().map(words::get).toList();
    }

    private static List<String> shuffled(List<String> words, Random random) {
        List<String> copy = new ArrayList<>(words);
        java.util.Collections.shuffle(copy, random);
        return copy;
    }

    /** Each word kept with even odds, four words at least. */
    private static List<String> half(List<String> words, Random random) {
        List<String> kept = words.stream().filter(w -> random.nextBoolean()).toList();
        return kept.size() >= 4 ? kept : sample(words, 4, random);
    }

    private List<String> rarest(List<String> words, int n) {
        List<String> content = content(words);
        Set<String> rare = new HashSet<>(content.stream()
                .sorted(Comparator.comparingInt((String w) -> documentFrequency.getOrDefault(w, 0)).thenComparing(w -> w))
                .limit(n).toList());
        return content.stream().filter(rare::contains).toList();
    }

    /** The {@code n} longest words of five letters or more misspelled once each. */
    private static List<String> misspelled(List<String> words, int n, Random random) {
        List<String> longest = words.stream().filter(w -> w.length() >= 5).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(w -> w)).limit(n).toList();
        return words.stream().map(w -> longest.contains(w) ? typo(w, random) : w).toList();
    }

    private static List<String> mixed(List<String> words, Random random) {
        List<String> chosen = new ArrayList<>(sample(content(words), 5, random));
        List<Integer> replaceable = IntStream.range(0, chosen.size()).filter(i -> SYNONYMS.containsKey(chosen.get(i)))
                .boxed().toList();
        int replaced = replaceable.isEmpty() ? -1 : replaceable.get(random.nextInt(replaceable.size()));
        if (replaced >= 0) {
            chosen.set(replaced, SYNONYMS.get(chosen.get(replaced)));
        }
        List<Integer> typeable = IntStream.range(0, chosen.size()).filter(i -> i != replaced && chosen.get(i).length() >= 5)
                .boxed().toList();
        if (!typeable.isEmpty()) {
            int at = typeable.get(random.nextInt(typeable.size()));
            chosen.set(at, typo(chosen.get(at), random));
        }
        return shuffled(chosen, random);
    }

    /** One slip of the fingers, never on the first letter: two letters swapped, one left out, doubled or mistyped. */
    static String typo(String word, Random random) {
        int at = 1 + random.nextInt(word.length() - 2);
        StringBuilder typed = new StringBuilder(word);
        switch (random.nextInt(4)) {
            case 0 -> {
                typed.setCharAt(at, word.charAt(at + 1));
                typed.setCharAt(at + 1, word.charAt(at));
            }
            case 1 -> typed.deleteCharAt(at);
            case 2 -> typed.insert(at, word.charAt(at));
            default -> typed.setCharAt(at, neighbourKey(word.charAt(at), random));
        }
        String result = typed.toString();
        return result.equals(word) ? new StringBuilder(word).deleteCharAt(at).toString() : result;
    }

    private static char neighbourKey(char c, Random random) {
        int i = KEYBOARD.indexOf(c);
        if (i < 0) {
            return KEYBOARD.charAt(random.nextInt(KEYBOARD.length()));
        }
        return KEYBOARD.charAt(i == 0 ? 1 : i == KEYBOARD.length() - 1 ? i - 1 : i + (random.nextBoolean() ? 1 : -1));
    }
}
