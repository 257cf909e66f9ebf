package io.berth.elb.dataplane;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A server-template slot of a target group's backend as HAProxy reports it: the target it holds,
 * its administrative state (bits of {@code srv_admin_state}), its status and last check, and the
 * requests it carries. A slot in maintenance is free; its address is what it last held.
 */
record Slot(String backend, String name, String ip, int port, int adminState, String status, String checkStatus,
            String checkCode, int sessions, int queued) {

    /** Forced, inherited or resolution maintenance ({@code SRV_ADMF_FMAINT|IMAINT|RMAINT}). */
    private static final int MAINTENANCE = 0x01 | 0x02 | 0x20;
    /** Forced or inherited drain ({@code SRV_ADMF_FDRAIN|IDRAIN}). */
    private static final int DRAIN = 0x08 | 0x10;

    boolean free() {
        return (adminState & MAINTENANCE) != 0;
    }

    boolean draining() {
        return !free() && (adminState & DRAIN) != 0;
    }

    Target target() {
        return new Target(ip, port);
    }

    String key() {
        return backend + "/" + name;
    }

    /**
     * Joins {@code show servers state} (address, port, admin state) with servers-only
     * {@code show stat} CSV (status, check, sessions) by backend and slot name.
     */
    static List<Slot> parse(String serversState, String stat) {
        Map<String, String[]> stats = new HashMap<>();
        Map<String, Integer> columns = new HashMap<>();
        for (String line : stat.lines().toList()) {
            if (line.startsWith("# ")) {
                String[] names = line.substring(2).split(",", -1);
                for (int i = 0; i < names.length; i++) {
                    columns.put(names[i], i);
                }
            } else if (!line.isBlank()) {
                String[] fields = line.split(",", -1);
                stats.put(fields[0] + "/" + fields[1], fields);
            }
        }
        List<Slot> slots = new ArrayList<>();
        for (String line : serversState.lines().toList()) {
            String[] fields = line.trim().split(" ");
            if (fields.length < 19 || line.startsWith("#")) {
                continue;
            }
            // be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state ... srv_port (19th)
            String backend = fields[1];
            String name = fields[3];
            String[] row = stats.get(backend + "/" + name);
            slots.add(new Slot(backend, name, fields[4], Integer.parseInt(fields[18]), Integer.parseInt(fields[6]),
                    column(row, columns, "status"), column(row, columns, "check_status"),
                    column(row, columns, "check_code"), number(column(row, columns, "scur")),
                    number(column(row, columns, "qcur"))));
        }
        return slots;
    }

    private static String column(String[] row, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return row == null || index == null || index >= row.length ? "" : row[index];
    }

    private static int number(String value) {
        return value.isEmpty() ? 0 : Integer.parseInt(value);
    }
}
