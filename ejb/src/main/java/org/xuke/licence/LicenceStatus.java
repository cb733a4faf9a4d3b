package org.xuke.licence;

/**
 * A licence's stored standing: issued, or ended by the authority through a deletion (删证, an
 * unused licence) or a write-off (核销, a used one). Those two requests come with their own issue;
 * the states are here so that printing and the public page already tell them apart.
 */
public enum LicenceStatus {
    ISSUED, DELETED, WRITTEN_OFF
}
