package io.berth.store;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import java.io.IOException;

/**
 * A value a {@link StoredDocument} keeps in its own published JSON shape (an AWS API's, say)
 * rather than as a record of the store's: the document owns the JSON, the shape is the API's.
 * It is held as the JSON's tokens, so reading it back as a record costs about what reading the
 * record straight from the document would, with no tree in between.
 */
public final class EmbeddedJson {

    private final TokenBuffer tokens;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    EmbeddedJson(TokenBuffer tokens) {
        this.tokens = tokens;
    }

    /** The value's JSON, as the store's mapper writes it; null for null. */
    public static EmbeddedJson of(Object value) {
        if (value == null) {
            return null;
        }
        TokenBuffer tokens = new TokenBuffer(StoredJson.MAPPER, false);
        try {
            StoredJson.MAPPER.writeValue(tokens, value);
        } catch (IOException e) {
            throw new StoreException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
        return new EmbeddedJson(tokens);
    }

    /** The JSON read back as {@code type}, tolerant of members it lacks or does not know; null for null. */
    public static <T> T read(EmbeddedJson json, Class<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return StoredJson.MAPPER.readValue(json.tokens.asParser(StoredJson.MAPPER), type);
        } catch (IOException e) {
            throw new StoreException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }

    /** The JSON read back as a list or other generic {@code type}; null for null. */
    public static <T> T read(EmbeddedJson json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return StoredJson.MAPPER.readValue(json.tokens.asParser(StoredJson.MAPPER), type);
        } catch (IOException e) {
            throw new StoreException("stored " + type.getType().getTypeName() + " is unreadable", e);
        }
    }

    @JsonValue
    TokenBuffer tokens() {
        return tokens;
    }
}
