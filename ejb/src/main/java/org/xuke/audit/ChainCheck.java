package org.xuke.audit;

import java.io.Serializable;

/**
 * The result of walking the audit chain: how many rows were checked and, if the chain is broken,
 * the first position where it breaks and why (a message key of AuditMessages).
 */
public record ChainCheck(long rowsChecked, Long firstBrokenPosition, String problem) implements Serializable {

    public boolean intact() {
        return firstBrokenPosition == null;
    }

    static ChainCheck broken(long checked, long position, String problem) {
        return new ChainCheck(checked, position, problem);
    }
}
