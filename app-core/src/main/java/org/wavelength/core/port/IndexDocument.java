package org.wavelength.core.port;

/**
 * An item to index: its payload and the text that stands for it. The index embeds the text with
 * the model of each collection it writes to, so that a segment being rebuilt with another model
 * gets vectors of that model.
 */
public record IndexDocument(PointPayload payload, String text) {

    public String pointId() {
        return payload.pointId();
    }

    public VectorPoint withVector(float[] vector) {
        return new VectorPoint(pointId(), payload, text, vector);
    }
}
