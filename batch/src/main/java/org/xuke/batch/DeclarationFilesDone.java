package org.xuke.batch;

import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Logger;

/**
 * After the files step has ended well, the declarations files it read to their end move to
 * {@code done/}: a file whose last lines were in a chunk that did not commit (a crash, a failed step)
 * stays in the folder and is read again by the next run — its lines already applied are duplicates.
 */
@Named("declarationFilesDone")
@Dependent
public class DeclarationFilesDone extends AbstractStepListener {

    private static final Logger LOG = Logger.getLogger(DeclarationFilesDone.class.getName());

    @Inject
    StepContext step;

    @Override
    @SuppressWarnings("unchecked")
    public void afterStep() throws IOException {
        if (step.getException() != null || !(step.getTransientUserData() instanceof List<?> finished)) {
            return;
        }
        for (Path file : (List<Path>) finished) {
            Path done = file.getParent().resolve("done").resolve(file.getFileName());
            Files.move(file, done, StandardCopyOption.REPLACE_EXISTING);
            LOG.info(() -> "declarations file read: " + done);
        }
    }
}
