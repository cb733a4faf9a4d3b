package org.xuke.web.statistics;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import org.xuke.web.Texts;
import org.xuke.web.licence.PrintJobs;

/**
 * A list's or a statistic's workbook written in the background ({@link PrintJobs}): started by the page,
 * followed by its progress bar, offered as a link when done. Kept in the view; the job itself lives
 * in the application for an hour, for the user who started it only.
 */
public class ExcelJob implements Serializable {

    private static final long serialVersionUID = 1L;

    private String id;
    private String portal;
    private transient PrintJobs jobs;

    public void start(PrintJobs jobs, int total, PrintJobs.Work work) {
        this.jobs = jobs;
        String path = FacesContext.getCurrentInstance().getExternalContext().getRequestServletPath();
        portal = path != null && path.startsWith("/officer/") ? "officer" : "enterprise";
        id = jobs.startFile(user(), total, ".xlsx", work);
    }

    public void clear() {
        id = null;
    }

    /** The running or finished job, if any (the user's own only). */
    public PrintJobs.Job getJob() {
        if (id == null) {
            return null;
        }
        if (jobs == null) {
            jobs = CDI.current().select(PrintJobs.class).get();
        }
        return jobs.find(id, user()).orElse(null);
    }

    public int getProgress() {
        PrintJobs.Job job = getJob();
        return job == null ? 0 : job.getPercent();
    }

    /** What the download is and how big: "Excel 工作簿，1.2 MB". */
    public String getDescription() {
        PrintJobs.Job job = getJob();
        long bytes = job == null ? 0 : job.getSize();
        String size = bytes >= 1 << 20 ? String.format("%.1f MB", bytes / (double) (1 << 20))
                : String.format("%d KB", Math.max(1, (bytes + 1023) / 1024));
        return Texts.text("statistics.exportSize", size);
    }

    public String getDownloadPath() {
        return "/" + portal + "/documents/batch/" + id + ".xlsx";
    }

    private static String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }
}
