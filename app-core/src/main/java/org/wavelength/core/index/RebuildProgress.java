package org.wavelength.core.index;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

/**
 * Where one blue/green rebuild of a segment stands, as every replica reads it: kept in the shared documents, so
 * that /admin/index shows it whichever replica answers, and a second rebuild of the segment is refused everywhere.
 * {@code run} tells one run from another; {@code done} of {@code total} documents are re-embedded.
 */
public record RebuildProgress(String run, String segment, String model, String previous, String target, long total,
        long done, State state, String error, Instant startedAt, Instant updatedAt, Instant finishedAt) {

    public enum State { RUNNING, SWITCHED, FAILED }

    /** A running rebuild writes after every batch; one silent for longer lost its process (a replica that stopped). */
    static final Duration SILENCE = Duration.ofMinutes(3);

    static RebuildProgress started(String run, String segment, String model, String previous, String target, long total,
            Instant at) {
        return new RebuildProgress(run, segment, model, previous, target, total, 0, State.RUNNING, null, at, at, null);
    }

    RebuildProgress copied(long documents, Instant at) {
        return new RebuildProgress(run, segment, model, previous, target, total, documents, state, error, startedAt, at,
                finishedAt);
    }

    RebuildProgress finished(State end, String why, Instant at) {
        return new RebuildProgress(run, segment, model, previous, target, total, done, end, why, startedAt, at, at);
    }

    /** Running, and heard from lately. */
    boolean runningAt(Instant now) {
        return state == State.RUNNING && updatedAt.plus(SILENCE).isAfter(now);
    }

    /** As the admin should read it: a running rebuild that fell silent has failed, though nobody could say so. */
    RebuildProgress seenAt(Instant now) {
        return state != State.RUNNING || runningAt(now) ? this : finished(State.FAILED,
                "The process running it stopped: no progress since " + updatedAt + ".", updatedAt);
    }

    String toDocument() {
        Properties fields = new Properties();
        put(fields, "run", run);
        put(fields, "segment", segment);
        put(fields, "model", model);
        put(fields, "previous", previous);
        put(fields, "target", target);
        put(fields, "total", Long.toString(total));
        put(fields, "done", Long.toString(done));
        put(fields, "state", state.name());
        put(fields, "error", error);
        put(fields, "startedAt", startedAt.toString());
        put(fields, "updatedAt", updatedAt.toString());
        put(fields, "finishedAt", finishedAt == null ? null : finishedAt.toString());
        StringWriter text = new StringWriter();
        try {
            fields.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    static RebuildProgress parse(String document) {
        Properties fields = new Properties();
        try {
            fields.load(new StringReader(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String finished = fields.getProperty("finishedAt");
        return new RebuildProgress(fields.getProperty("run"), fields.getProperty("segment"), fields.getProperty("model"),
                fields.getProperty("previous"), fields.getProperty("target"), Long.parseLong(fields.getProperty("total")),
                Long.parseLong(fields.getProperty("done")), State.valueOf(fields.getProperty("state")),
                fields.getProperty("error"), Instant.parse(fields.getProperty("startedAt")),
                Instant.parse(fields.getProperty("updatedAt")), finished == null ? null : Instant.parse(finished));
    }

    private static void put(Properties fields, String name, String value) {
        if (value != null) {
            fields.setProperty(name, value);
        }
    }
}
