package org.xuke.web.statistics;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import org.xuke.web.licence.PrintJobs;

/**
 * A statistics page's workbook written in the background ({@link PrintJobs}): started by the page,
 * followed by its progress bar, offered as a link when done. Kept in the view; the job itself lives
 * in the application for an hour, for the user who started it only.
 */
public class ExcelJob implements Serializable {

    private static final long serialVersionUID = 1L;

    private String id;
    private String portal;
    private transient PrintJobs jobs;

    void start(PrintJobs jobs, int total, PrintJobs.Work work) {
        this.jobs = jobs;
        String path = FacesContext.getCurrentInstance().getExternalContext().getRequestServletPath();
        portal = path != null && path.startsWith("/officer/") ? "officer" : "enterprise";
        id = jobs.startFile(user(), total, ".xlsx", work);
    }

    void clear() {
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

    public String getDownloadPath() {
        return "/" + portal + "/documents/batch/" + id + ".xlsx";
    }

    private static String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }
}
