package org.xuke.platform;

/**
 * The caller asked for a record outside his data scope. Answered like a missing record, so
 * nobody learns what exists elsewhere; the transaction still commits, keeping the audit row of
 * the attempt.
 */
@jakarta.ejb.ApplicationException(rollback = false)
public class OutOfScopeException extends DomainRuleException {

    private static final long serialVersionUID = 1L;

    public OutOfScopeException(String key, String... arguments) {
        super(key, arguments);
    }
}
