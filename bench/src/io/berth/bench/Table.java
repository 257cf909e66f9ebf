package io.berth.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text table: columns with a header and a format (e.g. "%9.0f"; the header takes the same width),
 * "|" between groups of columns, a rule under the header.
 */
final class Table {

    private static final Pattern WIDTH = Pattern.compile("%(-?)(\\d+)");

    private record Column(String header, String format, boolean groupStart) {
    }

    private final String indent;
    private final List<Column> columns = new ArrayList<>();
    private final List<String> rows = new ArrayList<>();
    private boolean nextStartsGroup;

    Table(String indent) {
        this.indent = indent;
    }

    Table column(String header, String format) {
        columns.add(new Column(header, format, nextStartsGroup && !columns.isEmpty()));
        nextStartsGroup = false;
        return this;
    }

    /** The next column starts a group, set off by " | ". */
    Table group() {
        nextStartsGroup = true;
        return this;
    }

    Table row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
        }
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            row.append(separator(i)).append(String.format(Locale.ROOT, columns.get(i).format(), values[i]));
        }
        rows.add(row.toString());
        return this;
    }

    private String separator(int column) {
        return column == 0 ? "" : columns.get(column).groupStart() ? " | " : " ";
    }

    @Override
    public String toString() {
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            Matcher m = WIDTH.matcher(c.format());
            String format = m.find() ? "%" + m.group(1) + m.group(2) + "s" : "%s";
            header.append(separator(i)).append(String.format(Locale.ROOT, format, c.header()));
        }
        StringBuilder out = new StringBuilder();
        out.append(indent).append(header).append('\n').append(indent).append("-".repeat(header.length())).append('\n');
        rows.forEach(r -> out.append(indent).append(r).append('\n'));
        return out.toString();
    }
}
