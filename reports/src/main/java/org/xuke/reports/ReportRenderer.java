package org.xuke.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.ExporterInputItem;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleExporterInputItem;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRLoader;

/**
 * Fills a template compiled at build time ({@code org/xuke/reports/<name>.jasper}) with
 * parameters and exports it as PDF. Every text uses the embedded Noto Serif CJK SC font family of
 * this module's font extension, so Chinese shows the same everywhere.
 */
public final class ReportRenderer {

    /** The font family every template uses (fonts/fonts.xml). */
    public static final String CJK_FONT = "Noto Serif CJK SC";

    private static final Map<String, JasperReport> TEMPLATES = new ConcurrentHashMap<>();

    private ReportRenderer() {
    }

    public static byte[] pdf(String template, Map<String, ?> parameters) {
        return pdf(template, new ReportData(parameters, null));
    }

    /** One document: the template filled with the data's parameters and rows (the detail band). */
    public static byte[] pdf(String template, ReportData data) {
        try {
            return JasperExportManager.exportReportToPdf(fill(template, data));
        } catch (JRException e) {
            throw new IllegalStateException("Cannot render " + template, e);
        }
    }

    /**
     * Many documents of one template into one PDF, written to {@code out} as they are filled: the
     * exporter asks for one document at a time and each is filled only then, so a batch of a
     * thousand never holds more than one filled document (the PDF writer keeps only page offsets
     * and the font subset). {@code progress} hears the number of documents done.
     */
    public static void pdfBatch(String template, int count, IntFunction<ReportData> source, OutputStream out,
            IntConsumer progress) {
        List<ExporterInputItem> items = new AbstractList<>() {
            private int filledIndex = -1;
            private ExporterInputItem filled;

            @Override
            public ExporterInputItem get(int index) {
                if (index != filledIndex) {
                    if (filledIndex >= 0) {
                        progress.accept(filledIndex + 1);
                    }
                    filled = new SimpleExporterInputItem(fill(template, source.apply(index)));
                    filledIndex = index;
                }
                return filled;
            }

            @Override
            public int size() {
                return count;
            }
        };
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(items));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        try {
            exporter.exportReport();
        } catch (JRException e) {
            throw new IllegalStateException("Cannot render the batch of " + template, e);
        }
        progress.accept(count);
    }

    static JasperPrint fill(String template, ReportData data) {
        try {
            JRDataSource rows = data.rows() == null ? new JREmptyDataSource(1)
                    : new JRMapCollectionDataSource(new ArrayList<Map<String, ?>>(data.rows()));
            return JasperFillManager.fillReport(load(template), new HashMap<>(data.parameters()), rows);
        } catch (JRException e) {
            throw new IllegalStateException("Cannot fill " + template, e);
        }
    }

    private static JasperReport load(String template) {
        return TEMPLATES.computeIfAbsent(template, name -> {
            try (InputStream in = ReportRenderer.class.getResourceAsStream(name + ".jasper")) {
                if (in == null) {
                    throw new IllegalArgumentException("No compiled template " + name);
                }
                return (JasperReport) JRLoader.loadObject(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (JRException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
