package org.wavelength.web.chat;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;

/**
 * An OpenAI-compatible server for the chat tests (WireMock): the tests script its answers, streamed as
 * OpenAI streams them (server-sent chat.completion.chunk events), tool calls included.
 */
public class OpenAiStub implements QuarkusTestResourceLifecycleManager {

    public static final String MODEL = "stub-model";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.of(
                "wavelength.chat.llm-enabled", "true",
                "wavelength.chat.llm-timeout", "3s",
                "quarkus.langchain4j.openai.base-url", server.baseUrl() + "/v1/",
                "quarkus.langchain4j.openai.api-key", "test-key",
                "quarkus.langchain4j.openai.chat-model.model-name", MODEL,
                "quarkus.langchain4j.openai.timeout", "3s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** A streamed reply that calls one tool, its arguments split over two chunks as OpenAI sends them. */
    public static String toolCall(String id, String name, String arguments) {
        int half = arguments.length() / 2;
        ObjectNode first = chunk();
        ObjectNode call = first.withArray("choices").addObject().put("index", 0).putObject("delta").put("role", "assistant")
                .withArray("tool_calls").addObject().put("index", 0).put("id", id).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", arguments.substring(0, half));
        ObjectNode second = chunk();
        second.withArray("choices").addObject().put("index", 0).putObject("delta").withArray("tool_calls").addObject()
                .put("index", 0).putObject("function").put("arguments", arguments.substring(half));
        ObjectNode end = chunk();
        end.withArray("choices").addObject().put("index", 0).put("finish_reason", "tool_calls").putObject("delta");
        return events(List.of(first, second, end, usage(120, 18)));
    }

    /** A streamed text reply, one chunk per token. */
    public static String text(List<String> tokens) {
        List<ObjectNode> chunks = new java.util.ArrayList<>();
        for (String token : tokens) {
            ObjectNode chunk = chunk();
            chunk.withArray("choices").addObject().put("index", 0).putObject("delta").put("content", token);
            chunks.add(chunk);
        }
        ObjectNode end = chunk();
        end.withArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
        chunks.add(end);
        chunks.add(usage(300, 42));
        return events(chunks);
    }

    private static ObjectNode chunk() {
        ObjectNode chunk = JSON.createObjectNode().put("id", "chatcmpl-stub").put("object", "chat.completion.chunk")
                .put("created", 1_764_000_000L).put("model", MODEL);
        chunk.putArray("choices");
        return chunk;
    }

    private static ObjectNode usage(int prompt, int completion) {
        ObjectNode chunk = chunk();
        chunk.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        return chunk;
    }

    private static String events(List<ObjectNode> chunks) {
        StringBuilder body = new StringBuilder();
        for (ObjectNode chunk : chunks) {
            body.append("data: ").append(chunk).append("\n\n");
        }
        return body.append("data: [DONE]\n\n").toString();
    }

}
