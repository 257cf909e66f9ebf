package io.berth.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * {@link StoredDocument}s to and from the JSON the store keeps, with the store's own mapper, so
 * that how the edge speaks JSON (its mapper, its records) never changes what is on disk. Its
 * settings are part of the stored format and every document written so far depends on them:
 * <ul>
 *   <li>nulls are not written, and a member a document lacks reads as null (or the record's
 *       default; a primitive, 0 or false): adding a member needs no migration;</li>
 *   <li>members this Berth does not know are ignored, so a document written by a newer Berth,
 *       which only adds members, still reads;</li>
 *   <li>timestamps are epoch seconds with nanoseconds ({@code 1700000000.123456789}), in UTC;</li>
 *   <li>record members are written in declaration order; reading does not depend on order.</li>
 * </ul>
 */
public final class StoredJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
            .build();

    private StoredJson() {
    }

    public static String write(StoredDocument value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static <T extends StoredDocument> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }
}
