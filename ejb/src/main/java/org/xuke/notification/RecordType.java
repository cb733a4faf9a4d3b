package org.xuke.notification;

/** Which record a notice links to; the portal turns it into that record's page. */
public enum RecordType {
    APPLICATION, LICENCE, CLOSURE, EKEY_REQUEST;

    /** The record's page in the given portal ("enterprise" or "officer"), relative to the context root. */
    public String page(String portal, long id, String label) {
        return switch (this) {
            case APPLICATION -> "/" + portal + "/application.xhtml?id=" + id;
            case LICENCE -> "/" + portal + "/customs.xhtml?number=" + label;
            case CLOSURE -> "/" + portal + "/closure.xhtml?id=" + id;
            // the applicant follows his request with its access code on the public page
            case EKEY_REQUEST -> "officer".equals(portal) ? "/officer/ekey-request.xhtml?id=" + id : "/public/ekey.xhtml";
        };
    }
}
