package io.berth.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.berth.edge.json.JsonCodec;
import io.berth.store.StoreException;

/** Records to and from the JSON the store keeps, with the mapper the API speaks. */
final class LogsJson {

    private LogsJson() {
    }

    static String write(Object value) {
        try {
            return JsonCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return JsonCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }
}
