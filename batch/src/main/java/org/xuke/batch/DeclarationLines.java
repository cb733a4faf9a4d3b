package org.xuke.batch;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.xuke.batch.DeclarationFiles.FileLine;
import org.xuke.customs.DeclarationsFile;

/**
 * A line of a declarations file as a usage; a header, comment or blank line is filtered out, a bad
 * line is skipped ({@link BadDeclarationLine}, recorded with its reason by {@link SkippedLines}).
 */
@Named("declarationLines")
@Dependent
public class DeclarationLines implements ItemProcessor {

    @Override
    public Object processItem(Object item) throws BadDeclarationLine {
        FileLine line = (FileLine) item;
        if (line.text() == null) {
            throw new BadDeclarationLine(line, "encoding");
        }
        if (DeclarationsFile.isNotData(line.text())) {
            return null;
        }
        try {
            return DeclarationsFile.parse(line.text());
        } catch (DeclarationsFile.BadLine e) {
            throw new BadDeclarationLine(line, e.getMessage());
        }
    }
}
