package org.xuke.batch;

/** A licence whose data cannot be reconciled (the job skips it and keeps the reason, it does not stop). */
public class LicenceNotReconciled extends Exception {

    private static final long serialVersionUID = 1L;

    private final long licenceId;

    public LicenceNotReconciled(long licenceId, Throwable cause) {
        super("licence " + licenceId + ": " + cause, cause);
        this.licenceId = licenceId;
    }

    public long licenceId() {
        return licenceId;
    }
}
