package org.wavelength.ingest.parse;

import com.rometools.rome.io.impl.DateParser;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.Locale;
import java.util.PriorityQueue;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Keeps, while a feed's tree is built, only its newest {@code max} items: each item is let go as soon as
 * {@code max} newer ones have been read, so that a feed of 50,000 items never becomes a tree (nor ROME
 * objects) of 50,000. The rule is the item cap's (dated items newest first, undated after them, then in the
 * feed's order); the dates are read here as ROME reads them (pubDate, dc:date, Atom published or updated).
 */
final class NewestItemWindow {

    private static final Namespace DUBLIN_CORE = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");

    private record Held(Element item, Instant date, int order) {
    }

    /** The head is the first to let go: undated before dated, older before newer, later in the feed first. */
    private static final Comparator<Held> LET_GO_FIRST = Comparator
            .comparing((Held held) -> held.date() != null)
            .thenComparing(Held::date, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Held::order, Comparator.reverseOrder());

    private final int max;
    private final PriorityQueue<Held> held = new PriorityQueue<>(LET_GO_FIRST);
    private int listed;

    NewestItemWindow(int max) {
        if (max <= 0) {
            throw new IllegalArgumentException("max must be positive, not " + max);
        }
        this.max = max;
    }

    /** Called for every element the parser has finished; items past the window leave the tree. */
    void ended(Element element) {
        if (!isItem(element)) {
            return;
        }
        listed++;
        held.add(new Held(element, dateOf(element), listed));
        if (held.size() > max) {
            held.poll().item().detach();
        }
    }

    /** How many items the document listed, those let go included. */
    int listed() {
        return listed;
    }

    /** An item where ROME looks for them: in the RSS 2.0 channel, beside it (RSS 1.0), or an Atom entry. */
    private static boolean isItem(Element element) {
        Element parent = element.getParentElement();
        if (parent == null) {
            return false;
        }
        return switch (element.getName()) {
            case "item" -> parent.getName().equals("channel") || parent.isRootElement();
            case "entry" -> parent.isRootElement() && parent.getName().equals("feed");
            default -> false;
        };
    }

    private static Instant dateOf(Element item) {
        String text = firstText(item, "pubDate", Namespace.NO_NAMESPACE);
        if (text == null) {
            text = firstText(item, "date", DUBLIN_CORE);
        }
        if (text == null) {
            text = firstText(item, "published", item.getNamespace());
        }
        if (text == null) {
            text = firstText(item, "updated", item.getNamespace());
        }
        Date date = text == null ? null : DateParser.parseDate(text, Locale.US);
        return date == null ? null : date.toInstant();
    }

    private static String firstText(Element item, String name, Namespace namespace) {
        String text = item.getChildTextTrim(name, namespace);
        return text == null || text.isEmpty() ? null : text;
    }
}
