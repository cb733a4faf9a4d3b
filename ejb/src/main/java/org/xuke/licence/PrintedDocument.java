package org.xuke.licence;

import java.io.Serializable;

/** A rendered document (licence or application form) and the name to save it under. */
public record PrintedDocument(String fileName, byte[] pdf) implements Serializable {
}
