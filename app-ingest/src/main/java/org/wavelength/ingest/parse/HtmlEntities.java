package org.wavelength.ingest.parse;

import java.util.HashMap;
import java.util.Map;

/**
 * The named character references of HTML 4 (the ones that turn up in feeds), by name.
 *
 * <p>Feeds are often written by HTML tools and contain {@code &nbsp;} or {@code &eacute;}, which XML
 * does not define; the parser turns them into numeric references before the XML parser sees them,
 * and {@link HtmlText} decodes them in descriptions.
 */
final class HtmlEntities {

    /** The five entities XML defines itself; they must never be rewritten. */
    static final Map<String, Integer> XML_PREDEFINED =
            Map.of("amp", (int) '&', "lt", (int) '<', "gt", (int) '>', "quot", (int) '"', "apos", (int) '\'');

    /** Latin-1 supplement, in code point order from U+00A0 (nbsp) to U+00FF (yuml). */
    private static final String[] LATIN_1 = {
        "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect",
        "uml", "copy", "ordf", "laquo", "not", "shy", "reg", "macr",
        "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
        "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
        "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil",
        "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml",
        "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times",
        "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig",
        "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
        "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml",
        "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide",
        "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
    };

    /** Upper-case Greek from U+0391; U+03A2 is unassigned, hence the gap. */
    private static final String[] GREEK_UPPER = {
        "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa", "Lambda",
        "Mu", "Nu", "Xi", "Omicron", "Pi", "Rho", null, "Sigma", "Tau", "Upsilon", "Phi", "Chi", "Psi", "Omega",
    };

    /** Lower-case Greek from U+03B1 (sigmaf is the final sigma). */
    private static final String[] GREEK_LOWER = {
        "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda",
        "mu", "nu", "xi", "omicron", "pi", "rho", "sigmaf", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
    };

    /** Everything else of HTML 4: punctuation, arrows, maths and a few letters, as name/code pairs. */
    private static final Object[] OTHERS = {
        "OElig", 338, "oelig", 339, "Scaron", 352, "scaron", 353, "Yuml", 376, "fnof", 402,
        "circ", 710, "tilde", 732, "thetasym", 977, "upsih", 978, "piv", 982,
        "ensp", 8194, "emsp", 8195, "thinsp", 8201, "zwnj", 8204, "zwj", 8205, "lrm", 8206, "rlm", 8207,
        "ndash", 8211, "mdash", 8212, "lsquo", 8216, "rsquo", 8217, "sbquo", 8218,
        "ldquo", 8220, "rdquo", 8221, "bdquo", 8222, "dagger", 8224, "Dagger", 8225, "bull", 8226,
        "hellip", 8230, "permil", 8240, "prime", 8242, "Prime", 8243, "lsaquo", 8249, "rsaquo", 8250,
        "oline", 8254, "frasl", 8260, "euro", 8364, "image", 8465, "weierp", 8472, "real", 8476,
        "trade", 8482, "alefsym", 8501, "larr", 8592, "uarr", 8593, "rarr", 8594, "darr", 8595,
        "harr", 8596, "crarr", 8629, "lArr", 8656, "uArr", 8657, "rArr", 8658, "dArr", 8659, "hArr", 8660,
        "forall", 8704, "part", 8706, "exist", 8707, "empty", 8709, "nabla", 8711, "isin", 8712,
        "notin", 8713, "ni", 8715, "prod", 8719, "sum", 8721, "minus", 8722, "lowast", 8727,
        "radic", 8730, "prop", 8733, "infin", 8734, "ang", 8736, "and", 8743, "or", 8744, "cap", 8745,
        "cup", 8746, "int", 8747, "there4", 8756, "sim", 8764, "cong", 8773, "asymp", 8776, "ne", 8800,
        "equiv", 8801, "le", 8804, "ge", 8805, "sub", 8834, "sup", 8835, "nsub", 8836, "sube", 8838,
        "supe", 8839, "oplus", 8853, "otimes", 8855, "perp", 8869, "sdot", 8901, "lceil", 8968,
        "rceil", 8969, "lfloor", 8970, "rfloor", 8971, "lang", 9001, "rang", 9002, "loz", 9674,
        "spades", 9824, "clubs", 9827, "hearts", 9829, "diams", 9830,
    };

    /** HTML entities that XML does not define (never contains the five XML ones). */
    static final Map<String, Integer> HTML_ONLY;

    static {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < LATIN_1.length; i++) {
            map.put(LATIN_1[i], 0xA0 + i);
        }
        for (int i = 0; i < GREEK_UPPER.length; i++) {
            if (GREEK_UPPER[i] != null) {
                map.put(GREEK_UPPER[i], 0x391 + i);
            }
        }
        for (int i = 0; i < GREEK_LOWER.length; i++) {
            map.put(GREEK_LOWER[i], 0x3B1 + i);
        }
        for (int i = 0; i < OTHERS.length; i += 2) {
            map.put((String) OTHERS[i], (Integer) OTHERS[i + 1]);
        }
        HTML_ONLY = Map.copyOf(map);
    }

    private HtmlEntities() {
    }

    /** The code point of a named reference (HTML or XML), or null when the name is unknown. */
    static Integer codePoint(String name) {
        Integer xml = XML_PREDEFINED.get(name);
        return xml != null ? xml : HTML_ONLY.get(name);
    }
}
