package org.wavelength.web.sync;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.wavelength.core.domain.InvalidInputException;

/** The protocol's times: `since` in seconds, an action's timestamp as ISO 8601 in UTC ("2009-12-12T09:00:00"). */
final class SyncTime {

    private static final DateTimeFormatter ACTION_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private SyncTime() {
    }

    /** A `since` as sent; absent is 0 (everything); not a number, negative or later than now is refused. */
    static long since(String sent, long now) {
        if (sent == null || sent.isBlank()) {
            return 0;
        }
        long since;
        try {
            since = Long.parseLong(sent.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("since is a time in seconds since 1970 (the timestamp of an earlier answer); it was " + sent + ".");
        }
        if (since < 0) {
            throw new InvalidInputException("since cannot be negative; it was " + since + ".");
        }
        if (since > now) {
            throw new InvalidInputException("since (" + since + ") is later than the server's time (" + now + "): send the timestamp of an earlier answer.");
        }
        return since;
    }

    /** An action's time in seconds; the reference's format, with or without fractions or a zone; a number is seconds. */
    static long actionTime(String sent, long now) {
        if (sent == null || sent.isBlank()) {
            return now;
        }
        String value = sent.strip();
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(value);
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return java.time.OffsetDateTime.parse(value).toEpochSecond();
            }
            return LocalDateTime.parse(value).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidInputException("An action's timestamp is like 2009-12-12T09:00:00 (UTC); it was " + sent + ".");
        }
    }

    static String actionTime(long seconds) {
        return ACTION_TIME.format(LocalDateTime.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC));
    }
}
