package org.wavelength.web.input;

import jakarta.ws.rs.BadRequestException;

/**
 * Checks page parameters, for the API and the pages alike: pages count from 0, sizes are bounded so that one
 * request stays cheap, and a page starts where a listing can reach (its first item's position is a database int).
 */
public final class Paging {

    public static final int MAX_SIZE = 100;

    private Paging() {
    }

    public static void check(int page, int size) {
        if (page < 0) {
            throw new BadRequestException("page counts from 0; " + page + " is not a page.");
        }
        checkBetween("size", size);
        if ((long) page * size > Integer.MAX_VALUE) {
            throw new BadRequestException("page " + page + " of " + size + " items starts past the end of any listing; "
                    + "the last page that can be asked for with this size is " + (Integer.MAX_VALUE / size) + ".");
        }
    }

    /** A limit given as text ("20"), so that a word is answered like a number out of range: 400, saying why. */
    public static int limit(String value, int fallback) {
        return FilterParams.limit(value, fallback, MAX_SIZE);
    }

    public static void checkLimit(int limit) {
        checkBetween("limit", limit);
    }

    private static void checkBetween(String name, int value) {
        if (value < 1 || value > MAX_SIZE) {
            throw new BadRequestException(name + " must be between 1 and " + MAX_SIZE + "; it was " + value + ".");
        }
    }
}
