package org.xuke.batch;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.io.InputStreamReader;

/**
 * The lines of the declarations files dropped in the configured folder ({@code -Dxuke.declarations.dir};
 * none read without it), file by file in name order. The files read to their end move to
 * {@code done/} when the step has ended well ({@link DeclarationFilesDone}), never before the lines'
 * chunk committed. The checkpoint is the file and the number of its lines read, so a restart goes
 * on in that file; a line read twice is a duplicate message and changes nothing.
 */
@Named("declarationFiles")
@Dependent
public class DeclarationFiles extends AbstractItemReader {

    private static final Logger LOG = Logger.getLogger(DeclarationFiles.class.getName());
    public static final String FOLDER = "xuke.declarations.dir";
    static final long MAX_BYTES = 512L << 20;

    /** One line of a file, as read (the processor parses it). */
    public record FileLine(String file, int number, String text) implements Serializable {
    }

    /** Where the files read to their end are listed for {@link DeclarationFilesDone}. */
    @Inject
    StepContext step;

    private final List<Path> finished = new ArrayList<>();
    private Path folder;
    private final Deque<Path> files = new ArrayDeque<>();
    private Path current;
    private BufferedReader reader;
    private int lineNumber;

    @Override
    public void open(Serializable checkpoint) throws IOException {
        String configured = System.getProperty(FOLDER);
        if (configured == null || configured.isBlank()) {
            return;
        }
        folder = Path.of(configured);
        Files.createDirectories(folder.resolve("done"));
        step.setTransientUserData(finished);
        // the checkpoint: the file's name, a tab, how many of its lines were handed out (a String, which
        // the repository reads back whatever class loader it has)
        String at = (String) checkpoint;
        try (Stream<Path> listed = Files.list(folder)) {
            listed.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().forEach(files::add);
        }
        if (at != null) {
            // the file the last checkpoint was in: still here (files move only after the step), or done/ if a
            // run since has read it; the files before it are read again (their lines are duplicates)
            String name = at.substring(0, at.indexOf('\t'));
            int lines = Integer.parseInt(at.substring(at.indexOf('\t') + 1));
            Path inbox = folder.resolve(name);
            Path done = folder.resolve("done").resolve(name);
            files.remove(inbox);
            Path resume = Files.exists(inbox) ? inbox : Files.exists(done) ? done : null;
            if (resume != null) {
                files.addFirst(resume);
                openNext();
                for (int i = 0; i < lines && reader.readLine() != null; i++) {
                    lineNumber++;
                }
            }
        }
    }

    @Override
    public Object readItem() throws IOException {
        while (true) {
            if (reader == null && !openNext()) {
                return null;
            }
            String text;
            try {
                text = reader.readLine();
            } catch (CharacterCodingException e) {
                // not UTF-8: the rest of this file is not read (the lines before are applied)
                lineNumber++;
                FileLine bad = new FileLine(current.getFileName().toString(), lineNumber, null);
                finishFile();
                return bad;
            }
            if (text == null) {
                finishFile();
                continue;
            }
            lineNumber++;
            return new FileLine(current.getFileName().toString(), lineNumber, text);
        }
    }

    @Override
    public Serializable checkpointInfo() {
        return current == null ? null : current.getFileName() + "\t" + lineNumber;
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    private boolean openNext() throws IOException {
        Path next = files.poll();
        while (next != null && Files.size(next) > MAX_BYTES) {
            // left in the folder, never moved to done/ as if read: the operator splits it
            Path big = next;
            LOG.warning(() -> "declarations file " + big + " is over " + (MAX_BYTES >> 20) + " MiB: not read");
            next = files.poll();
        }
        if (next == null) {
            return false;
        }
        current = next;
        lineNumber = 0;
        reader = new BufferedReader(new InputStreamReader(Files.newInputStream(next), StandardCharsets.UTF_8
                .newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        return true;
    }

    /** The file was read to its end: moved out of the folder once the step ends well. */
    private void finishFile() throws IOException {
        reader.close();
        reader = null;
        if (current.getParent().equals(folder)) {
            finished.add(current);
        }
    }
}
