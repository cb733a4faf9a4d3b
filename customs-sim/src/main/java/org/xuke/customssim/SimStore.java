package org.xuke.customssim;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What customs remembers, in a schema of its own (customs_sim) that it creates itself: every licence
 * message by its id (so a repeat is never applied twice, and a receipt not yet sent is sent
 * again), the licences stored with their lines and what was declared, and its refusal rules.
 */
@Singleton
@Startup
public class SimStore {

    @Resource(lookup = "jdbc/xuke")
    private DataSource database;

    /** What customs answers to one licence message. */
    public record Decision(String receiptId, String deployment, String number, int version, String refusalCode,
            String refusalText, boolean receiptSent, boolean repeat) {
    }

    public record StoredLicence(String number, int version, String port, String status, int usesAllowed,
            int uses, List<String[]> lines) {
    }

    /** A declaration made: what the usage message says. */
    public record Declared(String deployment, String declaration, String number, String port, LocalDate date,
            String state, int line, BigDecimal quantity, BigDecimal cumulative, String holderUscc) {
    }

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void schema() {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            // a schema of its own: customs' data is not the portal's (whose migrations own the public schema)
            s.execute("create schema if not exists customs_sim");
            s.execute("create table if not exists customs_sim.licence_message (message_id varchar(36) primary key,"
                    + " licence_number varchar(10) not null, version integer not null, receipt_id varchar(36) not null,"
                    + " refusal_code varchar(32), refusal_text varchar(200), receipt_sent boolean not null,"
                    + " duplicates integer not null, received_at timestamp not null)");
            s.execute("create table if not exists customs_sim.licence (licence_number varchar(10) primary key,"
                    + " deployment varchar(32) not null, version integer not null, port varchar(4) not null,"
                    + " one_batch boolean not null, uses_allowed integer not null, valid_to date not null,"
                    + " status varchar(10) not null)");
            // the holder, named as the declarant of its usage (a simulator's database of an earlier version lacks it)
            s.execute("alter table customs_sim.licence add column if not exists holder_uscc varchar(18)");
            s.execute("create table if not exists customs_sim.licence_line (licence_number varchar(10) not null,"
                    + " line_number integer not null, quantity numeric(18,5) not null, cumulative numeric(18,5) not null,"
                    + " primary key (licence_number, line_number))");
            s.execute("create table if not exists customs_sim.declaration (declaration_number varchar(18) not null,"
                    + " licence_number varchar(10) not null, line_number integer not null, quantity numeric(18,5) not null,"
                    + " state varchar(8) not null, declared_on date not null,"
                    + " primary key (declaration_number, licence_number, line_number))");
            s.execute("create table if not exists customs_sim.rule (kind varchar(20) not null, value varchar(20) not null,"
                    + " primary key (kind, value))");
        } catch (SQLException e) {
            throw new IllegalStateException("the simulator's tables", e);
        }
    }

    /** Takes a licence message once: stores the licence (unless refused) and the receipt to send. */
    public Decision take(SimXml.Licence licence) throws SQLException {
        try (Connection c = database.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("select receipt_id, refusal_code, refusal_text, receipt_sent"
                    + " from customs_sim.licence_message where message_id = ? for update")) {
                s.setString(1, licence.messageId());
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        update(c, "update customs_sim.licence_message set duplicates = duplicates + 1 where message_id = ?",
                                licence.messageId());
                        return new Decision(r.getString(1), licence.deployment(), licence.number(), licence.version(),
                                r.getString(2), r.getString(3), r.getBoolean(4), true);
                    }
                }
            }
            String code = null;
            String text = null;
            if (rules(c, "reject_port").contains(licence.port())) {
                code = "PORT_UNKNOWN";
                text = "口岸 " + licence.port() + " 不接受电子许可证";
            } else if (!licence.sealed()) {
                code = "SEAL_INVALID";
                text = "缺少发证机构签章";
            }
            String receipt = UUID.randomUUID().toString();
            try (PreparedStatement s = c.prepareStatement("insert into customs_sim.licence_message values (?, ?, ?, ?, ?, ?, false, 0, ?)")) {
                s.setString(1, licence.messageId());
                s.setString(2, licence.number());
                s.setInt(3, licence.version());
                s.setString(4, receipt);
                s.setString(5, code);
                s.setString(6, text);
                s.setTimestamp(7, Timestamp.from(Instant.now()));
                s.executeUpdate();
            }
            if (code == null) {
                store(c, licence);
            }
            return new Decision(receipt, licence.deployment(), licence.number(), licence.version(), code, text, false,
                    false);
        }
    }

    private void store(Connection c, SimXml.Licence licence) throws SQLException {
        String status = "CANCEL".equals(licence.action()) ? "CANCELLED" : "STORED";
        try (PreparedStatement s = c.prepareStatement("insert into customs_sim.licence as l (licence_number, deployment,"
                + " version, port, one_batch, uses_allowed, valid_to, status, holder_uscc) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (licence_number) do update set version = excluded.version, port = excluded.port,"
                + " one_batch = excluded.one_batch, uses_allowed = excluded.uses_allowed, valid_to = excluded.valid_to,"
                + " status = excluded.status, holder_uscc = excluded.holder_uscc where l.version < excluded.version")) {
            s.setString(1, licence.number());
            s.setString(2, licence.deployment());
            s.setInt(3, licence.version());
            s.setString(4, licence.port());
            s.setBoolean(5, licence.oneBatch());
            s.setInt(6, licence.usesAllowed());
            s.setDate(7, Date.valueOf(licence.validTo()));
            s.setString(8, status);
            s.setString(9, licence.holderUscc());
            s.executeUpdate();
        }
        for (SimXml.Line line : licence.lines()) {
            try (PreparedStatement s = c.prepareStatement("insert into customs_sim.licence_line values (?, ?, ?, 0)"
                    + " on conflict (licence_number, line_number) do update set quantity = excluded.quantity")) {
                s.setString(1, licence.number());
                s.setInt(2, line.number());
                s.setBigDecimal(3, line.quantity());
                s.executeUpdate();
            }
        }
    }

    public void receiptSent(String messageId) throws SQLException {
        try (Connection c = database.getConnection()) {
            update(c, "update customs_sim.licence_message set receipt_sent = true where message_id = ?", messageId);
        }
    }

    /**
     * A declaration against a stored licence: 核注 (RELEASED) uses the quantity, within what is
     * left and the uses allowed; 核销 (CLEARED) clears a released declaration, nothing more used.
     */
    public Declared declare(String number, int line, BigDecimal quantity, String state, String declaration,
            LocalDate date) throws SQLException, Refused {
        try (Connection c = database.getConnection()) {
            String deployment;
            String port;
            int usesAllowed;
            String holder;
            try (PreparedStatement s = c.prepareStatement("select deployment, port, uses_allowed, status, holder_uscc"
                    + " from customs_sim.licence where licence_number = ? for update")) {
                s.setString(1, number);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next() || !"STORED".equals(r.getString(4))) {
                        throw new Refused("许可证 " + number + " 未在海关入库");
                    }
                    deployment = r.getString(1);
                    port = r.getString(2);
                    usesAllowed = r.getInt(3);
                    holder = r.getString(5);
                }
            }
            BigDecimal licensed;
            BigDecimal cumulative;
            try (PreparedStatement s = c.prepareStatement("select quantity, cumulative from customs_sim.licence_line"
                    + " where licence_number = ? and line_number = ?")) {
                s.setString(1, number);
                s.setInt(2, line);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new Refused("许可证 " + number + " 没有第 " + line + " 项商品");
                    }
                    licensed = r.getBigDecimal(1);
                    cumulative = r.getBigDecimal(2);
                }
            }
            if ("CLEARED".equals(state)) {
                BigDecimal released = declaredQuantity(c, declaration, number, line);
                if (released == null) {
                    throw new Refused("报关单 " + declaration + " 尚未核注，不能核销");
                }
                update(c, "update customs_sim.declaration set state = 'CLEARED' where declaration_number = ?", declaration);
                return new Declared(deployment, declaration, number, port, date, state, line, released, cumulative,
                        holder);
            }
            if (quantity.signum() <= 0) {
                throw new Refused("数量必须大于 0");
            }
            if (cumulative.add(quantity).compareTo(licensed) > 0) {
                throw new Refused("超出许可数量：许可 " + licensed.stripTrailingZeros().toPlainString()
                        + "，已用 " + cumulative.stripTrailingZeros().toPlainString());
            }
            if (uses(c, number) >= usesAllowed && declaredQuantity(c, declaration, number, line) == null) {
                throw new Refused("已达到允许的报关次数 " + usesAllowed);
            }
            BigDecimal total = cumulative.add(quantity);
            try (PreparedStatement s = c.prepareStatement("insert into customs_sim.declaration values (?, ?, ?, ?, 'RELEASED', ?)")) {
                s.setString(1, declaration);
                s.setString(2, number);
                s.setInt(3, line);
                s.setBigDecimal(4, quantity);
                s.setDate(5, Date.valueOf(date));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("update customs_sim.licence_line set cumulative = ?"
                    + " where licence_number = ? and line_number = ?")) {
                s.setBigDecimal(1, total);
                s.setString(2, number);
                s.setInt(3, line);
                s.executeUpdate();
            }
            return new Declared(deployment, declaration, number, port, date, state, line, quantity, total, holder);
        }
    }

    private static BigDecimal declaredQuantity(Connection c, String declaration, String number, int line)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select quantity from customs_sim.declaration where declaration_number = ?"
                + " and licence_number = ? and line_number = ?")) {
            s.setString(1, declaration);
            s.setString(2, number);
            s.setInt(3, line);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getBigDecimal(1) : null;
            }
        }
    }

    private static int uses(Connection c, String number) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select count(distinct declaration_number) from customs_sim.declaration"
                + " where licence_number = ?")) {
            s.setString(1, number);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    public List<StoredLicence> licences() throws SQLException {
        List<StoredLicence> found = new ArrayList<>();
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(
                "select licence_number, version, port, status, uses_allowed from customs_sim.licence"
                        + " order by licence_number desc limit 200")) {
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String number = r.getString(1);
                    List<String[]> lines = new ArrayList<>();
                    try (PreparedStatement l = c.prepareStatement("select line_number, quantity, cumulative"
                            + " from customs_sim.licence_line where licence_number = ? order by line_number")) {
                        l.setString(1, number);
                        try (ResultSet lr = l.executeQuery()) {
                            while (lr.next()) {
                                lines.add(new String[] {lr.getString(1),
                                        lr.getBigDecimal(2).stripTrailingZeros().toPlainString(),
                                        lr.getBigDecimal(3).stripTrailingZeros().toPlainString()});
                            }
                        }
                    }
                    found.add(new StoredLicence(number, r.getInt(2), r.getString(3), r.getString(4), r.getInt(5),
                            uses(c, number), lines));
                }
            }
        }
        return found;
    }

    public Set<String> rejectedPorts() throws SQLException {
        try (Connection c = database.getConnection()) {
            return rules(c, "reject_port");
        }
    }

    public void rejectPorts(Set<String> ports) throws SQLException {
        try (Connection c = database.getConnection()) {
            update(c, "delete from customs_sim.rule where kind = ?", "reject_port");
            for (String port : ports) {
                try (PreparedStatement s = c.prepareStatement("insert into customs_sim.rule values ('reject_port', ?)")) {
                    s.setString(1, port);
                    s.executeUpdate();
                }
            }
        }
    }

    private static Set<String> rules(Connection c, String kind) throws SQLException {
        Set<String> values = new TreeSet<>();
        try (PreparedStatement s = c.prepareStatement("select value from customs_sim.rule where kind = ?")) {
            s.setString(1, kind);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.add(r.getString(1));
                }
            }
        }
        return values;
    }

    private static void update(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            s.executeUpdate();
        }
    }
}
