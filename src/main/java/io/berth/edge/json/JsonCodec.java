package io.berth.edge.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.berth.edge.AwsException;
import io.berth.edge.EdgeResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AWS JSON 1.1 on the wire: request bodies into typed records, responses and errors out.
 * Absent members are omitted, as AWS omits them; timestamps are epoch seconds.
 */
public final class JsonCodec {

    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
            .build();
    /**
     * Reads requests: as in AWS's models, whose lists and maps are dense, a null element of a
     * list or value of a map is malformed (handlers never see one), where the store's own
     * documents are read as written.
     */
    private static final ObjectMapper REQUESTS = MAPPER.copy()
            .setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));

    private JsonCodec() {
    }

    /** The one mapper Berth uses for JSON, on the wire and in the store, so both agree on every shape. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A request body as the operation's input: empty means no members; anything but exactly one
     * JSON object ({@code null}, a list, a scalar, trailing bytes, broken or invalid UTF-8 text,
     * members of the wrong type, a null in a list or map, nesting past the parser's limit) is the client's
     * {@code SerializationException}, never a null input for the handler.
     */
    public static <T> T decode(byte[] body, Class<T> type) {
        try (JsonParser parser = REQUESTS.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return REQUESTS.readValue(EMPTY_OBJECT, type);
            }
            if (first != JsonToken.START_OBJECT) {
                throw serialization(first == JsonToken.START_ARRAY ? "Start of list found where not expected"
                        : "Unexpected " + (first == JsonToken.VALUE_NULL ? "null" : "scalar")
                        + " value found where a structure was expected");
            }
            T input = REQUESTS.readValue(parser, type);
            if (parser.nextToken() != null) {
                throw serialization("Unexpected content found after the end of the structure");
            }
            return input;
        } catch (InvalidNullException e) {
            throw serialization("Null value found in a list or map where not expected");
        } catch (IOException e) {
            throw serialization("Start of structure or map found where not expected.");
        }
    }

    private static AwsException serialization(String message) {
        return new AwsException("SerializationException", 400, message);
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
