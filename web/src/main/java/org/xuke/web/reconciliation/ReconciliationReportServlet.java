package org.xuke.web.reconciliation;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.xuke.batch.ReconciliationJobs;
import org.xuke.batch.ReconciliationJobs.Run;
import org.xuke.catalog.CatalogKind;
import org.xuke.platform.DomainRuleException;
import org.xuke.reconciliation.ReconciliationAnomaly;
import org.xuke.reconciliation.ReconciliationService;
import org.xuke.reconciliation.ReconciliationService.Report;
import org.xuke.reconciliation.ReconciliationService.UnitTotals;
import org.xuke.reconciliation.SkippedLine;
import org.xuke.reports.ReportData;
import org.xuke.reports.ReportRenderer;
import org.xuke.reports.Spreadsheet;
import org.xuke.web.ChinaTime;
import org.xuke.web.Downloads;
import org.xuke.web.Texts;
import org.xuke.web.application.FormChoices;

/**
 * 核销对账报告 of a business date, {@code ?date=YYYY-MM-DD[&authority=CODE]&format=pdf|xlsx}: the runs
 * of the date, counts, quantities per unit, every anomaly (PDF and the workbook), and in the
 * workbook every licence line, streamed. The boundary decides the scope (an officer his authority,
 * the system administrator any or all); anything refused answers 404 like anything unknown.
 */
@WebServlet("/officer/reconciliation/report")
public class ReconciliationReportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    private ReconciliationService service;

    @Inject
    private ReconciliationJobs jobs;

    @Inject
    private FormChoices choices;

    @Inject
    private ChinaTime time;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LocalDate date;
        try {
            date = LocalDate.parse(String.valueOf(request.getParameter("date")));
        } catch (DateTimeParseException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        String format = request.getParameter("format");
        String authority = request.getParameter("authority");
        try {
            Report report = service.report(date, authority);
            ResourceBundle texts = ResourceBundle.getBundle(Texts.WEB, Texts.locale(), Texts.class.getClassLoader());
            List<Run> runs = jobs.history(date).stream().filter(r -> r.authority() == null
                    || r.authority().equals(report.authorityCode())).toList();
            String name = "reconciliation-" + date + (report.authorityCode() == null ? "" : "-"
                    + report.authorityCode().replaceAll("[^A-Za-z0-9-]", ""));
            if ("pdf".equals(format)) {
                byte[] pdf = ReportRenderer.pdf("reconciliation-report", pdfData(texts, report, runs));
                Downloads.attachment(response, "application/pdf", name + ".pdf");
                response.setContentLength(pdf.length);
                response.getOutputStream().write(pdf);
            } else if ("xlsx".equals(format)) {
                Downloads.attachment(response, XLSX, name + ".xlsx");
                try (Spreadsheet book = new Spreadsheet()) {
                    workbook(texts, report, runs, book);
                    book.write(response.getOutputStream());
                }
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (DomainRuleException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private ReportData pdfData(ResourceBundle texts, Report report, List<Run> runs) {
        Map<String, Object> p = new HashMap<>();
        p.put("title", texts.getString("reconciliation.report.title"));
        p.put("heading", heading(texts, report));
        p.put("runsLabel", texts.getString("reconciliation.report.runs"));
        p.put("runs", runs.isEmpty() ? texts.getString("reconciliation.report.noRuns")
                : runs.stream().map(r -> run(texts, r)).collect(Collectors.joining("\n")));
        p.put("summaryLabel", texts.getString("reconciliation.report.summary"));
        p.put("summary", summary(texts, report));
        p.put("quantitiesLabel", texts.getString("reconciliation.report.quantities"));
        p.put("quantities", report.quantities().isEmpty() ? texts.getString("reconciliation.report.noRuns")
                : report.quantities().stream().map(q -> say(texts, "reconciliation.report.quantity",
                        unit(q), q.lines(), plain(q.licensed()), plain(q.used()), plain(q.remaining())))
                        .collect(Collectors.joining("\n")));
        p.put("anomaliesLabel", texts.getString("reconciliation.report.anomalies"));
        p.put("columns", texts.getString("reconciliation.report.columns"));
        p.put("skipped", report.skipped().isEmpty() ? null : texts.getString("reconciliation.report.skippedLines")
                + "\n" + report.skipped().stream().map(s -> say(texts, "reconciliation.report.skippedLine",
                        s.getFileName(), s.getLineNumber(), reason(texts, s))).collect(Collectors.joining("\n")));
        List<Map<String, ?>> rows = new ArrayList<>();
        for (ReconciliationAnomaly a : report.anomalies()) {
            Map<String, Object> row = new HashMap<>();
            row.put("licence", a.getLicenceNumber());
            row.put("type", texts.getString("reconciliation.type." + a.getType().name()));
            row.put("declaration", a.getDeclarationNumber());
            row.put("line", a.getLineNumber() == 0 ? "" : String.valueOf(a.getLineNumber()));
            row.put("evidence", Evidence.format(texts, a.getEvidence()));
            row.put("state", texts.getString("reconciliation.state." + a.getState().name())
                    + (a.getNote() == null ? "" : "\n" + a.getNote()));
            rows.add(row);
        }
        return new ReportData(p, rows);
    }

    private void workbook(ResourceBundle texts, Report report, List<Run> runs, Spreadsheet book) {
        book.sheet(texts.getString("reconciliation.report.sheetSummary"), texts.getString("reconciliation.report.item"),
                texts.getString("reconciliation.report.value"));
        book.row(texts.getString("reconciliation.report.title"), heading(texts, report));
        for (String[] count : new String[][] {{"licences", ""}, {"fullyUsed", ""}, {"writtenOff", ""},
                {"proposed", ""}, {"ended", ""}, {"uses", ""}}) {
            book.row(texts.getString("reconciliation.report." + count[0]), switch (count[0]) {
                case "licences" -> report.licences();
                case "fullyUsed" -> report.fullyUsed();
                case "writtenOff" -> report.writtenOff();
                case "proposed" -> report.proposed();
                case "ended" -> report.ended();
                default -> report.uses();
            });
        }
        report.anomalyCounts().forEach((type, n) -> book.row(texts.getString("reconciliation.type." + type.name()), n));
        for (Run r : runs) {
            book.row(texts.getString("reconciliation.report.runs"), run(texts, r));
        }
        book.row();
        book.row(texts.getString("reconciliation.report.unit"), texts.getString("reconciliation.report.lines"),
                texts.getString("reconciliation.report.licensed"), texts.getString("reconciliation.report.used"),
                texts.getString("reconciliation.report.remaining"));
        for (UnitTotals q : report.quantities()) {
            book.row(unit(q), q.lines(), q.licensed(), q.used(), q.remaining());
        }

        String[] columns = texts.getString("reconciliation.report.columns").split("\\|");
        book.sheet(texts.getString("reconciliation.report.sheetAnomalies"), columns);
        for (ReconciliationAnomaly a : report.anomalies()) {
            book.row(a.getLicenceNumber(), texts.getString("reconciliation.type." + a.getType().name()),
                    a.getDeclarationNumber(), a.getLineNumber() == 0 ? null : a.getLineNumber(),
                    Evidence.format(texts, a.getEvidence()), texts.getString("reconciliation.state." + a.getState().name())
                            + (a.getNote() == null ? "" : "：" + a.getNote()));
        }

        book.sheet(texts.getString("reconciliation.report.sheetLines"), columns[0],
                texts.getString("reconciliation.report.lineNumber"), texts.getString("reconciliation.report.unit"),
                texts.getString("reconciliation.report.licensed"), texts.getString("reconciliation.report.used"),
                texts.getString("reconciliation.report.remaining"), texts.getString("reconciliation.report.uses"),
                texts.getString("reconciliation.report.fullyUsedColumn"), texts.getString("reconciliation.report.outcome"));
        Map<String, String> units = new HashMap<>();
        String yes = texts.getString("reconciliation.report.yes");
        String no = texts.getString("reconciliation.report.no");
        service.reportLines(report.businessDate(), report.authorityCode(), line -> book.row(line.licenceNumber(),
                line.lineNumber(), units.computeIfAbsent(String.valueOf(line.unitCode()), choices::unitName),
                line.licensed(), line.used(), line.remaining(), line.uses(), line.fullyUsed() ? yes : no,
                texts.getString("reconciliation.outcome." + line.outcome().name())));

        if (!report.skipped().isEmpty()) {
            book.sheet(texts.getString("reconciliation.report.sheetSkipped"), texts.getString("reconciliation.report.file"),
                    texts.getString("reconciliation.report.fileLine"), texts.getString("reconciliation.report.reason"),
                    texts.getString("reconciliation.report.content"));
            for (SkippedLine s : report.skipped()) {
                book.row(s.getFileName(), s.getLineNumber(), reason(texts, s), s.getContent());
            }
        }
    }

    private String heading(ResourceBundle texts, Report report) {
        return say(texts, "reconciliation.report.heading", report.authorityCode() == null
                ? texts.getString("reconciliation.allAuthorities")
                : choices.label(CatalogKind.ISSUING_AUTHORITY, report.authorityCode()), report.businessDate().toString(),
                time.formatInstant(Instant.now()));
    }

    private String summary(ResourceBundle texts, Report report) {
        long anomalies = report.anomalyCounts().values().stream().mapToLong(Long::longValue).sum();
        String byType = report.anomalyCounts().isEmpty() ? "" : "（" + report.anomalyCounts().entrySet().stream()
                .map(e -> texts.getString("reconciliation.type." + e.getKey().name()) + " " + e.getValue())
                .collect(Collectors.joining("，")) + "）";
        return say(texts, "reconciliation.report.summaryText", report.licences(), report.fullyUsed(),
                report.writtenOff(), report.proposed(), report.ended(), report.uses(), anomalies, byType);
    }

    private String run(ResourceBundle texts, Run r) {
        return say(texts, "reconciliation.report.run", String.valueOf(r.executionId()),
                texts.getString("reconciliation.status." + r.status().name()), time.formatInstant(r.started()),
                time.formatInstant(r.ended()), r.read(), r.written(), r.skipped(),
                r.startedBy() == null ? "" : r.startedBy());
    }

    private String unit(UnitTotals q) {
        return q.unitCode() == null ? "" : choices.unitName(q.unitCode());
    }

    private static String reason(ResourceBundle texts, SkippedLine s) {
        String code = s.getReason().contains(":") ? s.getReason().substring(0, s.getReason().indexOf(':'))
                : s.getReason();
        String detail = s.getReason().contains(":") ? s.getReason().substring(s.getReason().indexOf(':') + 1) : "";
        String label = texts.containsKey("reconciliation.skip." + code) ? texts.getString("reconciliation.skip." + code)
                : code;
        return detail.isEmpty() ? label : label + "（" + detail + "）";
    }

    private static String plain(BigDecimal d) {
        return d == null ? "0" : d.stripTrailingZeros().toPlainString();
    }

    private static String say(ResourceBundle texts, String key, Object... arguments) {
        MessageFormat format = new MessageFormat(texts.getString(key), Locale.ROOT);
        Object[] shown = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            // counts as plain digits (MessageFormat would group them by the locale's rules)
            shown[i] = arguments[i] instanceof Number n ? String.valueOf(n) : arguments[i];
        }
        return format.format(shown);
    }
}
