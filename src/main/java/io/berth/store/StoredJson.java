package io.berth.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.berth.edge.json.JsonCodec;

/**
 * Records to and from the JSON documents the store keeps: the very shapes the APIs speak, with
 * the one mapper the edge uses, so stored state and wire format never drift apart.
 */
public final class StoredJson {

    private StoredJson() {
    }

    public static String write(Object value) {
        try {
            return JsonCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return JsonCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }
}
