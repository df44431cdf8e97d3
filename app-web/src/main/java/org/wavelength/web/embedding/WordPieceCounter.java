package org.wavelength.web.embedding;

import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import jakarta.enterprise.context.ApplicationScoped;
import org.wavelength.core.port.TokenCounter;

/**
 * Counts word pieces with the BERT uncased WordPiece vocabulary, which all-MiniLM-L6-v2 shares, so
 * that transcript passages fit the model's 256-piece window.
 */
@ApplicationScoped
public class WordPieceCounter implements TokenCounter {

    private final HuggingFaceTokenCountEstimator estimator = new HuggingFaceTokenCountEstimator();

    @Override
    public int count(String text) {
        return estimator.estimateTokenCountInText(text);
    }
}
