package org.xuke.it;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the customs benchmark and the fault test share: many approved export applications (one
 * made through the portals, the rest copied from it in SQL) and issuers who issue them through the
 * real boundary ({@link IssueServlet}), several sessions at a time.
 */
final class CustomsLoad {

    private static final String FORM = PortalClient.HTTPS + "/enterprise/application.xhtml";
    private static final String DECIDE = PortalClient.HTTPS + "/officer/application.xhtml?id=";

    private CustomsLoad() {
    }

    /** An application filled, sealed and submitted by {@code user}, passed by both reviewers (client side). */
    static long approved(String user, String initial, String second, String password, String contract)
            throws Exception {
        return approved(user, initial, second, password, contract, "8112921000", "10");
    }

    /** The same for {@code quantity} of another commodity (a quota commodity, say). */
    static long approved(String user, String initial, String second, String password, String contract,
            String commodity, String quantity) throws Exception {
        long id = ExportApplicationIT.newApplication(Fixtures.signedIn(user, password), commodity, quantity, contract);
        PortalClient enterprise = Fixtures.signedIn(user, password);
        enterprise.get(FORM + "?id=" + id);
        enterprise.submit(FORM + "?id=" + id, "actions", Map.of("actions:submit", ""));
        for (String[] step : new String[][] {{initial, "decision:passInitial"}, {second, "decision:passSecond"}}) {
            PortalClient officer = Fixtures.signedIn(step[0], password);
            officer.get(DECIDE + id);
            officer.submit(DECIDE + id, "decision", Map.of(step[1], ""));
        }
        return id;
    }

    /**
     * {@code count} copies of an approved application with ids from {@code firstId} on, as if each
     * had been approved (its lines and steps copied too; application numbers from serial 500001 on).
     * Every column is copied by name, so a new column of the application needs no change here.
     */
    static void copies(long template, long firstId, int count) throws SQLException {
        copies(template, firstId, count, "left(t.application_number, 15) || (500000 + g)::text");
    }

    /**
     * The same with application numbers from {@code number} (SQL over the template {@code t} and the
     * copy's ordinal {@code g}): more than 499,999 copies need numbers of their own.
     */
    static void copies(long template, long firstId, int count, String number) throws SQLException {
        try (Connection c = database()) {
            c.setAutoCommit(false);
            copy(c, "export_application", "id", template, firstId, count, number);
            copy(c, "export_application_line", "application_id", template, firstId, count, null);
            copy(c, "export_application_step", "application_id", template, firstId, count, null);
            c.commit();
        }
    }

    private static void copy(Connection c, String table, String key, long template, long firstId, int count,
            String number) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select column_name from information_schema.columns"
                + " where table_schema = current_schema() and table_name = ? order by ordinal_position")) {
            s.setString(1, table);
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    columns.add(row.getString(1));
                }
            }
        }
        List<String> values = new ArrayList<>();
        for (String column : columns) {
            values.add(column.equals(key) ? "? + g - 1"
                    : column.equals("application_number") ? number
                    : "t." + column);
        }
        try (PreparedStatement s = c.prepareStatement("insert into " + table + " (" + String.join(", ", columns)
                + ") select " + String.join(", ", values) + " from " + table + " t, generate_series(1, ?) g where t."
                + key + " = ?")) {
            s.setLong(1, firstId);
            s.setInt(2, count);
            s.setLong(3, template);
            s.executeUpdate();
        }
    }

    /** What the issuers did: licences issued and refusals (with their reasons), requests that broke. */
    record Issued(int licences, List<String> refusals, int brokenRequests) {
    }

    /**
     * Issues the applications {@code firstId .. firstId + count - 1}, {@code batch} per request, with
     * {@code sessions} signed-in sessions of {@code issuer} working in parallel. A request that breaks
     * (the server went away) ends its session's work; the caller decides what follows.
     */
    static Issued issue(long firstId, int count, String issuer, String password, int sessions, int batch)
            throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(firstId + i);
        }
        return issue(ids, issuer, password, sessions, batch);
    }

    static Issued issue(List<Long> ids, String issuer, String password, int sessions, int batch) throws Exception {
        ConcurrentLinkedQueue<List<Long>> work = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < ids.size(); i += batch) {
            work.add(ids.subList(i, Math.min(ids.size(), i + batch)));
        }
        AtomicInteger licences = new AtomicInteger();
        AtomicInteger broken = new AtomicInteger();
        ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                running.add(pool.submit(() -> {
                    PortalClient officer = Fixtures.signedIn(issuer, password);
                    for (List<Long> next = work.poll(); next != null; next = work.poll()) {
                        HttpResponse<String> answer;
                        try {
                            answer = officer.postForm(PortalClient.HTTPS + "/it/issue", Map.of("ids",
                                    String.join(",", next.stream().map(String::valueOf).toList())));
                        } catch (java.io.IOException e) {
                            broken.incrementAndGet();
                            return null;
                        }
                        if (answer.statusCode() != 200) {
                            throw new IllegalStateException("HTTP " + answer.statusCode() + ": " + answer.body());
                        }
                        answer.body().lines().forEach(line -> {
                            if (line.contains(" ! ")) {
                                refusals.add(line);
                            } else {
                                licences.incrementAndGet();
                            }
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> each : running) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Issued(licences.get(), List.copyOf(refusals), broken.get());
    }

    /** The test database from the client side (the run's PostgreSQL on the loopback address). */
    static Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:15433/xuke", "xuke", "xuke");
    }

    static long count(String sql, Object... parameters) throws SQLException {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The first column of the first row, as text (fails if there is none). */
    static String query(String sql, Object... parameters) throws SQLException {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = s.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException(sql + " finds nothing for " + Arrays.toString(parameters));
                }
                return row.getString(1);
            }
        }
    }

    /** The first column of every row, as text. */
    static java.util.List<String> column(String sql, Object... parameters) throws SQLException {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            java.util.List<String> values = new java.util.ArrayList<>();
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    values.add(row.getString(1));
                }
            }
            return values;
        }
    }

    /** How many of the licences issued from applications {@code first ..} are stored at customs (海关入库成功). */
    private static final String STORED = "select count(*) from licence l join customs_licence c on c.licence_id = l.id"
            + " where l.application_id between ? and ? and c.status = 'STORED'";

    /** Waits until {@code count} licences from application {@code first} on are stored at customs. */
    static void awaitStored(long first, int count) throws Exception {
        awaitProgress(STORED, count, first, first + count - 1);
    }

    /** Waits until the count reaches {@code target}, or until it has not moved for 30 s. */
    static void awaitProgress(String countSql, long target, Object... parameters) throws Exception {
        long last = -1;
        long movedAt = System.nanoTime();
        for (long now = count(countSql, parameters); now < target; now = count(countSql, parameters)) {
            if (now != last) {
                last = now;
                movedAt = System.nanoTime();
            } else if (System.nanoTime() - movedAt > 30e9) {
                return;
            }
            Thread.sleep(200);
        }
    }

    static long stored(long first, int count) throws Exception {
        return count(STORED, first, first + count - 1);
    }
}
