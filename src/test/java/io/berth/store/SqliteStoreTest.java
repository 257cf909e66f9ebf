package io.berth.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteStoreTest extends StoreContract {

    @TempDir
    Path dir;

    @Override
    Store open() {
        return SqliteStore.open(dir.resolve("test.db"));
    }

    @Test
    void reopenedStoreHasEverythingCommitted() {
        store.write(d -> {
            d.put("k", "s", "kept", "yes");
            return null;
        });
        store.close();

        store = open();

        assertThat(get("k", "s", "kept")).hasValue("yes");
    }
}
