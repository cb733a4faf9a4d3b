package org.xuke.batch;

import org.xuke.batch.DeclarationFiles.FileLine;

/** A line of a declarations file that breaks the format: skipped, not fatal (skippable in the job XML). */
public class BadDeclarationLine extends Exception {

    private static final long serialVersionUID = 1L;
    private final FileLine line;

    public BadDeclarationLine(FileLine line, String reason) {
        super(reason);
        this.line = line;
    }

    public FileLine line() {
        return line;
    }
}
