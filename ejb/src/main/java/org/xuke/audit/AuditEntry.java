package org.xuke.audit;

import java.io.Serializable;

/**
 * What a context asks the audit log to record: who did what to which subject, with details
 * (short canonical text such as {@code from=DRAFT;to=SUBMITTED}) and the client address.
 */
public record AuditEntry(String actor, String action, String subjectType, String subjectId, String details,
        String sourceAddress) implements Serializable {

    public AuditEntry {
        actor = limit(require(actor, "actor"), 100);
        action = limit(require(action, "action"), 60);
        subjectType = limit(subjectType, 60);
        subjectId = limit(subjectId, 100);
        details = limit(details, 4000);
        sourceAddress = limit(sourceAddress, 64);
    }

    public static AuditEntry of(String actor, String action, String subjectType, String subjectId) {
        return new AuditEntry(actor, action, subjectType, subjectId, null, null);
    }

    public AuditEntry withDetails(String text) {
        return new AuditEntry(actor, action, subjectType, subjectId, text, sourceAddress);
    }

    public AuditEntry from(String address) {
        return new AuditEntry(actor, action, subjectType, subjectId, details, address);
    }

    private static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static String limit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
