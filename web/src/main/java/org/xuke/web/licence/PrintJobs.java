package org.xuke.web.licence;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.xuke.application.ApplicationForms;
import org.xuke.licence.LicencePrinting;

/**
 * Files made in the background while the page shows the progress: batch printing (what is printed is
 * recorded first, by the caller, in his transaction: paper copies of licences, printed application
 * forms, then rendered here one document at a time) and the statistics' Excel workbooks (rows written
 * a thousand at a time). A finished file is kept for the user who asked for an hour.
 */
@ApplicationScoped
public class PrintJobs {

    private static final Logger LOG = Logger.getLogger(PrintJobs.class.getName());
    private static final Duration KEPT = Duration.ofHours(1);

    @Resource
    private ManagedExecutorService executor;

    @Inject
    private LicencePrinting printing;

    @Inject
    private ApplicationForms forms;

    /** The application's clock: a job's age is measured by it, as every time in the portals. */
    @Inject
    private Clock clock;

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    /** One batch: who asked, how far it is, where the PDF is. */
    public static final class Job {
        private final String owner;
        private final int total;
        private final Instant started;
        private final Path file;
        private final String suffix;
        private volatile int done;
        private volatile boolean finished;
        private volatile boolean failed;

        Job(String owner, int total, Path file, String suffix, Instant started) {
            this.owner = owner;
            this.suffix = suffix;
            this.started = started;
            this.total = total;
            this.file = file;
        }

        public int getTotal() {
            return total;
        }

        public int getDone() {
            return done;
        }

        public boolean isFinished() {
            return finished;
        }

        public boolean isFailed() {
            return failed;
        }

        /** The finished file's size in bytes (0 while it is being written). */
        public long getSize() {
            try {
                return finished ? Files.size(file) : 0;
            } catch (IOException e) {
                return 0;
            }
        }

        /** 0–100 for the progress bar; 100 only once the file is complete. */
        public int getPercent() {
            return finished ? 100 : Math.min(99, total == 0 ? 0 : done * 100 / total);
        }
    }

    /** What a job renders: documents to {@code out}, telling {@code progress} how many are done. */
    @FunctionalInterface
    public interface Work {
        void render(OutputStream out, java.util.function.IntConsumer progress) throws IOException;
    }

    /** Starts rendering recorded paper copies; returns the job's id. */
    public String start(String owner, List<LicencePrinting.PaperCopy> copies, String verifyBase) {
        return start(owner, copies.size(), (out, progress) -> printing.renderPaperCopies(copies, verifyBase, out,
                progress));
    }

    /** Starts rendering the application forms the caller was allowed to print; returns the job's id. */
    public String startForms(String owner, List<ApplicationForms.FormCopy> copies) {
        return start(owner, copies.size(), (out, progress) -> forms.renderApplicationForms(copies, out, progress));
    }

    /**
     * Starts writing a file of {@code total} rows or documents ({@code suffix} ".xlsx" or ".pdf") as
     * the owner; returns the job's id. The work runs with the owner's identity (the container's managed
     * executor carries it), so the boundaries it calls see the same caller and scope.
     */
    public String startFile(String owner, int total, String suffix, Work work) {
        return start(owner, total, suffix, work);
    }

    private String start(String owner, int total, Work work) {
        return start(owner, total, ".pdf", work);
    }

    private String start(String owner, int total, String suffix, Work work) {
        removeExpired();
        String id = UUID.randomUUID().toString();
        Path file;
        try {
            file = Files.createTempFile("xuke-job-", suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Job job = new Job(owner, total, file, suffix, clock.instant());
        jobs.put(id, job);
        executor.submit(() -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                work.render(out, n -> job.done = n);
                job.finished = true;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Background file " + id + " failed", e);
                job.failed = true;
            }
        });
        return id;
    }

    /** The job if it is the owner's. */
    public Optional<Job> find(String id, String owner) {
        Job job = id == null ? null : jobs.get(id);
        return job != null && job.owner.equals(owner) ? Optional.of(job) : Optional.empty();
    }

    /** The finished file of the owner's job, if it is of that kind ({@code suffix} ".pdf" or ".xlsx"). */
    public Optional<Path> finishedFile(String id, String owner, String suffix) {
        return find(id, owner).filter(Job::isFinished).filter(j -> j.suffix.equals(suffix)).map(j -> j.file);
    }

    private void removeExpired() {
        Instant limit = clock.instant().minus(KEPT);
        jobs.entrySet().removeIf(e -> {
            boolean old = e.getValue().started.isBefore(limit) && (e.getValue().finished || e.getValue().failed);
            if (old) {
                delete(e.getValue().file);
            }
            return old;
        });
    }

    @PreDestroy
    void removeAll() {
        jobs.values().forEach(j -> delete(j.file));
        jobs.clear();
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.FINE, "Cannot delete " + file, e);
        }
    }
}
