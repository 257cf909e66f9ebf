package io.berth.edge.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.berth.edge.AwsException;
import io.berth.edge.EdgeResponse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AWS JSON 1.1 on the wire: request bodies into typed records, responses and errors out.
 * Absent members are omitted, as AWS omits them; timestamps are epoch seconds.
 */
public final class JsonCodec {

    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
            .build();

    private JsonCodec() {
    }

    /** The one mapper Berth uses for JSON, on the wire and in the store, so both agree on every shape. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static <T> T decode(byte[] body, Class<T> type) {
        try {
            return MAPPER.readValue(body.length == 0 ? "{}".getBytes() : body, type);
        } catch (IOException e) {
            throw new AwsException("SerializationException", 400, "Start of structure or map found where not expected.");
        }
    }

    public static EdgeResponse encode(Object response) {
        try {
            return new EdgeResponse(200, CONTENT_TYPE, MAPPER.writeValueAsBytes(response == null ? Map.of() : response));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable: " + response.getClass(), e);
        }
    }

    public static EdgeResponse error(AwsException error) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("__type", error.code());
        if (error.getMessage() != null) {
            body.put("message", error.getMessage());
        }
        try {
            return new EdgeResponse(error.status(), CONTENT_TYPE, MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
