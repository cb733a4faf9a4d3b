package org.xuke.customssim;

import jakarta.ejb.ApplicationException;

/** A declaration customs refuses (over the licence, not stored, too many uses): said on the page. */
@ApplicationException(rollback = true)
public class Refused extends Exception {

    private static final long serialVersionUID = 1L;

    public Refused(String message) {
        super(message);
    }
}
