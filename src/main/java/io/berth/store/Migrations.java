package io.berth.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The schema, as an ordered list of steps; a database records how many it has applied. */
final class Migrations {

    private static final List<String> STEPS = List.of(
            """
            CREATE TABLE documents (
                kind  TEXT NOT NULL,
                scope TEXT NOT NULL,
                id    TEXT NOT NULL,
                body  TEXT NOT NULL,
                PRIMARY KEY (kind, scope, id)
            ) WITHOUT ROWID
            """,
            // The version a document was last written at, for compare-and-set writes.
            "ALTER TABLE documents ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
            // Named counters per scope, moved on in the same transaction as the writes they count.
            """
            CREATE TABLE counters (
                scope TEXT NOT NULL,
                name  TEXT NOT NULL,
                value INTEGER NOT NULL,
                PRIMARY KEY (scope, name)
            ) WITHOUT ROWID
            """);

    private Migrations() {
    }

    static void apply(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            int applied;
            try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                rs.next();
                applied = rs.getInt(1);
            }
            if (applied > STEPS.size()) {
                throw new SQLException("the data directory was written by a newer Berth (schema " + applied
                        + ", this one knows " + STEPS.size() + ")");
            }
            connection.setAutoCommit(false);
            try {
                for (int step = applied; step < STEPS.size(); step++) {
                    s.execute(STEPS.get(step));
                    s.execute("INSERT INTO schema_version(version) VALUES (" + (step + 1) + ")");
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
