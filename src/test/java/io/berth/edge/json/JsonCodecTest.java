package io.berth.edge.json;

import io.berth.edge.AwsException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonCodecTest {

    record Input(List<String> names, Map<String, String> tags, Integer limit) {
    }

    private static Input decode(String body) {
        return JsonCodec.decode(body.getBytes(StandardCharsets.UTF_8), Input.class);
    }

    @Test
    void anEmptyBodyIsAnInputWithoutMembersAndOneObjectIsTheInput() {
        assertThat(decode("")).isEqualTo(new Input(null, null, null));
        assertThat(decode(" {\"names\":[\"a\"],\"tags\":{\"k\":\"v\"},\"limit\":3,\"other\":1} "))
                .isEqualTo(new Input(List.of("a"), Map.of("k", "v"), 3));
        assertThat(decode("{\"names\":null}")).isEqualTo(new Input(null, null, null));
    }

    @Test
    void anythingButOneObjectIsASerializationException() {
        for (String body : List.of("null", "[]", "\"s\"", "1", "{}x", "{}{}", "{", "{\"names\":", "{\"limit\":\"x\"}",
                "{\"names\":{}}", "[".repeat(5000), "\u00ff")) {
            assertThatThrownBy(() -> decode(body)).as(body).isInstanceOfSatisfying(AwsException.class, e -> {
                assertThat(e.code()).isEqualTo("SerializationException");
                assertThat(e.status()).isEqualTo(400);
            });
        }
    }

    @Test
    void aNullInAListOrMapIsASerializationExceptionNotANullElementForTheHandler() {
        for (String body : List.of("{\"names\":[null]}", "{\"names\":[\"a\",null]}", "{\"tags\":{\"k\":null}}")) {
            assertThatThrownBy(() -> decode(body)).as(body).isInstanceOfSatisfying(AwsException.class, e -> {
                assertThat(e.code()).isEqualTo("SerializationException");
                assertThat(e.getMessage()).isEqualTo("Null value found in a list or map where not expected");
            });
        }
    }
}
