package org.xuke.audit;

import java.io.Serializable;
import java.time.LocalDate;

/** Search criteria of the officer's audit page; dates are days in China Standard Time. */
public record AuditFilter(String actor, String action, String subject, LocalDate from, LocalDate to)
        implements Serializable {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }
}
