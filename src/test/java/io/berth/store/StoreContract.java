package io.berth.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every Store implementation must do; one subclass per implementation. */
abstract class StoreContract {

    Store store;

    abstract Store open();

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void putThenGet() {
        store.write(d -> {
            d.put("k", "s", "a", "{\"x\":1}");
            return null;
        });

        assertThat(get("k", "s", "a")).hasValue("{\"x\":1}");
        assertThat(get("k", "other-scope", "a")).isEmpty();
        assertThat(get("other-kind", "s", "a")).isEmpty();
    }

    @Test
    void putReplaces() {
        store.write(d -> {
            d.put("k", "s", "a", "1");
            d.put("k", "s", "a", "2");
            return null;
        });

        assertThat(get("k", "s", "a")).hasValue("2");
    }

    @Test
    void deleteRemoves() {
        store.write(d -> {
            d.put("k", "s", "a", "1");
            return null;
        });

        assertThat(delete("k", "s", "a")).isTrue();
        assertThat(delete("k", "s", "a")).isFalse();
        assertThat(get("k", "s", "a")).isEmpty();
    }

    @Test
    void aFailedWriteChangesNothing() {
        assertThatThrownBy(() -> store.write(d -> {
            d.put("k", "s", "half", "1");
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(get("k", "s", "half")).isEmpty();
    }

    @Test
    void listsByPrefixInIdOrderWithResumeAndLimit() {
        store.write(d -> {
            for (String id : List.of("b 2", "a 1", "b 1", "c 1", "b-x 1")) {
                d.put("k", "s", id, id);
            }
            return null;
        });

        assertThat(ids(new Documents.Query("k", "s", "", null, 100, false)))
                .containsExactly("a 1", "b 1", "b 2", "b-x 1", "c 1");
        assertThat(ids(new Documents.Query("k", "s", "b ", null, 100, false))).containsExactly("b 1", "b 2");
        assertThat(ids(new Documents.Query("k", "s", "b", null, 100, true))).containsExactly("b-x 1", "b 2", "b 1");
        assertThat(ids(new Documents.Query("k", "s", "", "b 1", 2, false))).containsExactly("b 2", "b-x 1");
        assertThat(ids(new Documents.Query("k", "s", "", "b 2", 10, true))).containsExactly("b 1", "a 1");
    }

    @Test
    void prefixesHoldAnyCharacter() {
        store.write(d -> {
            for (String id : List.of("g s:1", "g \uD83D\uDE00:1", "g \uFFFF:1", "g \uD83D\uDE00x:1", "h:1")) {
                d.put("k", "s", id, id);
            }
            return null;
        });

        assertThat(ids(new Documents.Query("k", "s", "g \uD83D\uDE00", null, 100, false)))
                .containsExactly("g \uD83D\uDE00:1", "g \uD83D\uDE00x:1");
        assertThat(ids(new Documents.Query("k", "s", "g ", null, 100, false))).hasSize(4);
        assertThat(ids(new Documents.Query("k", "s", "g \uFFFF", null, 100, false))).containsExactly("g \uFFFF:1");
    }

    @Test
    void scanCoversEveryScope() {
        store.write(d -> {
            d.put("k", "b", "2", "x");
            d.put("k", "a", "1", "y");
            d.put("other", "a", "1", "z");
            return null;
        });

        List<Documents.ScopedDocument> scanned = store.read(d -> d.scan("k"));
        assertThat(scanned).containsExactly(
                new Documents.ScopedDocument("a", "1", "y"), new Documents.ScopedDocument("b", "2", "x"));
    }

    Optional<String> get(String kind, String scope, String id) {
        return store.read(d -> d.get(kind, scope, id));
    }

    boolean delete(String kind, String scope, String id) {
        return store.write(d -> d.delete(kind, scope, id));
    }

    private List<String> ids(Documents.Query query) {
        return store.read(d -> d.list(query)).stream().map(Documents.Document::id).toList();
    }
}
