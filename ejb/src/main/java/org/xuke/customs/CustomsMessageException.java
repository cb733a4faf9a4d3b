package org.xuke.customs;

/**
 * A customs message that cannot be taken: why (a reason code kept with it on the dead-letter
 * queue) and the detail (the parser's or the schema's own words, or the rule broken).
 */
public class CustomsMessageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The reasons a message goes to the dead-letter queue. */
    public enum Reason {
        /** Larger than {@link CustomsXml#MAX_BYTES}. */
        TOO_LARGE,
        /** Not well-formed XML (or not UTF-8). */
        NOT_WELL_FORMED,
        /** A DOCTYPE: external entities and entity expansion are refused before anything is read. */
        DOCTYPE,
        /** Well-formed but not valid against customs-messages-1.xsd. */
        SCHEMA,
        /** For a deployment other than this one. */
        OTHER_DEPLOYMENT,
        /** A licence number this deployment never issued. */
        UNKNOWN_LICENCE,
        /** A receipt for a licence message never sent. */
        UNKNOWN_MESSAGE,
        /** Usage of a licence customs has not accepted (yet). */
        NOT_ACCEPTED,
        /** Usage naming a line the licence does not have. */
        UNKNOWN_LINE,
        /** Usage of a licence deleted or written off (cancelled at customs). */
        LICENCE_ENDED
    }

    private final Reason reason;

    public CustomsMessageException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
