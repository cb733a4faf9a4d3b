package org.xuke.identity;

import org.xuke.platform.DomainRuleException;

/**
 * An administrator asked for the second credential of another person's account. Refused before
 * anything changed; the transaction still commits, keeping the audit row of the attempt.
 */
@jakarta.ejb.ApplicationException(rollback = false)
public class SeparationOfDutiesException extends DomainRuleException {

    private static final long serialVersionUID = 1L;

    public SeparationOfDutiesException(String key, String... arguments) {
        super(key, arguments);
    }
}
