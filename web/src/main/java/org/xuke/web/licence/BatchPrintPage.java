package org.xuke.web.licence;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.xuke.application.ApplicationRow;
import org.xuke.application.ApplicationForms;
import org.xuke.licence.LicencePrinting;
import org.xuke.licence.LicenceRow;
import org.xuke.platform.DomainRuleException;
import org.xuke.web.Texts;

/**
 * Batch printing from a list: 打印纸质许可证 on the officer's licence list (each ticked licence gets
 * one recorded copy) and 批量打印 of application forms on the enterprise's lists. What is printed
 * is recorded, then rendered together in the background; the page follows the progress and then
 * offers the one PDF.
 */
@Named
@ViewScoped
public class BatchPrintPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private LicencePrinting printing;

    @Inject
    private ApplicationForms applicationForms;

    @Inject
    private PrintJobs jobs;

    private String jobId;
    private String portal;

    /** 打印纸质许可证 of the ticked licences; whether the copies were recorded (the caller then clears its ticks). */
    public boolean printPaper(List<LicenceRow> rows) {
        List<String> numbers = rows == null ? List.of() : rows.stream().map(LicenceRow::number).toList();
        try {
            // the address first: a copy is recorded only when it can be printed
            String verifyBase = PublicAddress.configured();
            List<LicencePrinting.PaperCopy> copies = printing.recordPaperCopies(numbers);
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            jobId = jobs.start(external.getRemoteUser(), copies, verifyBase);
            portal = "officer";
            long reprints = copies.stream().filter(LicencePrinting.PaperCopy::reprint).count();
            Texts.info("print.started", String.valueOf(copies.size()), String.valueOf(reprints));
            return true;
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
            return false;
        }
    }

    /** 批量打印 of the ticked applications' forms (enterprise lists 打印申请表 / 已打印申请表). */
    public void printForms(List<ApplicationRow> rows) {
        try {
            List<ApplicationForms.FormCopy> forms = applicationForms.recordApplicationForms(rows == null ? List.of()
                    : rows.stream().map(ApplicationRow::id).toList());
            jobId = jobs.startForms(FacesContext.getCurrentInstance().getExternalContext().getRemoteUser(), forms);
            portal = "enterprise";
            Texts.info("print.formsStarted", String.valueOf(forms.size()));
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    /** The running or finished job of this page, if any. */
    public PrintJobs.Job getJob() {
        return jobId == null ? null : jobs.find(jobId, FacesContext.getCurrentInstance().getExternalContext()
                .getRemoteUser()).orElse(null);
    }

    public int getProgress() {
        PrintJobs.Job job = getJob();
        return job == null ? 0 : job.getPercent();
    }

    public String getDownloadPath() {
        return "/" + portal + "/documents/batch/" + jobId + ".pdf";
    }

    public String getJobId() {
        return jobId;
    }
}
