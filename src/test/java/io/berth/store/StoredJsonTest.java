package io.berth.store;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stored format the store's mapper promises: every document on disk depends on it. */
class StoredJsonTest {

    record Item(String name, Instant at, List<String> values, long count) implements StoredDocument {
    }

    record Wrapper(int schema, EmbeddedJson item) implements StoredDocument {
    }

    private static final Instant AT = Instant.parse("2025-05-06T07:08:09.123456789Z");

    @Test
    void writesNoNullsAndTimestampsAsEpochSecondsWithNanoseconds() {
        assertThat(StoredJson.write(new Item("a", AT, null, 2)))
                .isEqualTo("{\"name\":\"a\",\"at\":1746515289.123456789,\"count\":2}");
    }

    @Test
    void readsMissingMembersAsNullOrZeroAndIgnoresUnknownOnes() {
        Item item = StoredJson.read("{\"name\":\"a\",\"addedLater\":{\"x\":[1,2]}}", Item.class);

        assertThat(item).isEqualTo(new Item("a", null, null, 0));
    }

    @Test
    void anEmbeddedValueKeepsItsOwnShapeAndEveryDigit() {
        String json = StoredJson.write(new Wrapper(1, EmbeddedJson.of(new Item("a", AT, List.of("x"), 3))));

        assertThat(json).isEqualTo(
                "{\"schema\":1,\"item\":{\"name\":\"a\",\"at\":1746515289.123456789,\"values\":[\"x\"],\"count\":3}}");
        Wrapper read = StoredJson.read(json, Wrapper.class);
        assertThat(EmbeddedJson.read(read.item(), Item.class)).isEqualTo(new Item("a", AT, List.of("x"), 3));
        assertThat(EmbeddedJson.read(StoredJson.read("{\"schema\":1}", Wrapper.class).item(), Item.class)).isNull();
    }

    @Test
    void anUnreadableDocumentIsTheStoresError() {
        assertThatThrownBy(() -> StoredJson.read("{\"name\":", Item.class))
                .isInstanceOf(StoreException.class).hasMessage("stored Item is unreadable");
    }
}
