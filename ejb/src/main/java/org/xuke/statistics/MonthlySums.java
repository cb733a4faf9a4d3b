package org.xuke.statistics;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A read of one of the monthly sums tables ({@code licence_month}, {@code goods_month},
 * {@code decision_month}): the months from {@code firstMonth} up to {@code afterMonths}, a condition
 * added only for a value asked, the parameters bound in order. Plain SQL without vendor functions.
 */
final class MonthlySums {

    /** An absent code in a sum's key (port, category, unit): not '', which Oracle stores as null. */
    static final String ABSENT = "-";

    private final StringBuilder from;
    private final List<Object> parameters = new ArrayList<>();

    MonthlySums(String table, LocalDate firstMonth, LocalDate afterMonths) {
        from = new StringBuilder(" from " + table + " where month >= ? and month < ?");
        parameters.add(firstMonth);
        parameters.add(afterMonths);
    }

    /** {@code column = value}, unless the value is null (not asked). */
    MonthlySums and(String column, Object value) {
        if (value != null) {
            from.append(" and ").append(column).append(" = ?");
            parameters.add(value);
        }
        return this;
    }

    /** {@code select <select> from … where … <tail>}, bound. */
    Query query(EntityManager em, String select, String tail) {
        Query query = em.createNativeQuery("select " + select + from + (tail == null ? "" : " " + tail));
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    /** A count or sum as the driver returns it (null for none). */
    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** A month as the driver returns it. */
    static LocalDate month(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
