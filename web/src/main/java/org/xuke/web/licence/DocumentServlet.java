package org.xuke.web.licence;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xuke.application.ApplicationForms;
import org.xuke.application.ExportApplicationService;
import org.xuke.application.ExportApplicationService.ChangeForm;
import org.xuke.licence.LicencePrinting;
import org.xuke.licence.PrintedDocument;
import org.xuke.platform.DomainRuleException;
import org.xuke.web.Downloads;

/**
 * Printed documents as PDF, behind each portal's sign-in: {@code documents/licence/<number>.pdf}
 * (the signed electronic licence), {@code documents/application/<id>.pdf} (the application form)
 * and {@code documents/batch/<job>.pdf} or {@code .xlsx} (documents printed together, a statistic's
 * workbook, for whoever asked). Who may
 * read what is the boundary's to decide; anything refused answers 404 like anything unknown.
 */
@WebServlet({"/enterprise/documents/*", "/officer/documents/*"})
public class DocumentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern LICENCE = Pattern.compile("/licence/([0-9A-Za-z]{1,10})\\.pdf");
    private static final Pattern APPLICATION = Pattern.compile("/application/([0-9]{1,18})\\.pdf");
    private static final Pattern CHANGE_FORM = Pattern.compile("/change-form/([0-9]{1,18})");
    private static final Pattern BATCH = Pattern.compile("/batch/([0-9a-f-]{36})\\.(pdf|xlsx)");

    @Inject
    private LicencePrinting printing;

    @Inject
    private ApplicationForms forms;

    @Inject
    private ExportApplicationService applications;

    @Inject
    private PrintJobs jobs;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        try {
            Matcher m;
            if ((m = LICENCE.matcher(path)).matches()) {
                send(response, printing.electronicLicence(m.group(1), PublicAddress.configured()));
            } else if ((m = APPLICATION.matcher(path)).matches()) {
                send(response, forms.applicationForm(Long.parseLong(m.group(1))));
            } else if ((m = CHANGE_FORM.matcher(path)).matches()) {
                sendChangeForm(response, Long.parseLong(m.group(1)));
            } else if ((m = BATCH.matcher(path)).matches()) {
                sendBatch(request, response, m.group(1), m.group(2));
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (DomainRuleException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** The uploaded 更改申请表: always a download with its checked type and nosniff, never run in the portal. */
    private void sendChangeForm(HttpServletResponse response, long applicationId) throws IOException {
        ChangeForm form = applications.changeFormForCaller(applicationId);
        Downloads.uploaded(response, form.content(), form.contentType(), form.fileName());
    }

    private static void send(HttpServletResponse response, PrintedDocument document) throws IOException {
        headers(response, document.fileName());
        response.setContentLength(document.pdf().length);
        response.getOutputStream().write(document.pdf());
    }

    private void sendBatch(HttpServletRequest request, HttpServletResponse response, String id, String type)
            throws IOException {
        Path file = jobs.finishedFile(id, request.getRemoteUser(), "." + type).orElse(null);
        if (file == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (type.equals("xlsx")) {
            Downloads.attachment(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "statistics-" + id.substring(0, 8) + ".xlsx");
        } else {
            headers(response, "print-" + id.substring(0, 8) + ".pdf");
        }
        response.setContentLengthLong(Files.size(file));
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(response.getOutputStream());
        }
    }

    private static void headers(HttpServletResponse response, String fileName) {
        Downloads.attachment(response, "application/pdf", fileName);
    }
}
