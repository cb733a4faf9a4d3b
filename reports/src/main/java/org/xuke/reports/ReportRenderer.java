package org.xuke.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
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
        try {
            JasperPrint print = JasperFillManager.fillReport(load(template), new HashMap<>(parameters),
                    new JREmptyDataSource(1));
            return JasperExportManager.exportReportToPdf(print);
        } catch (JRException e) {
            throw new IllegalStateException("Cannot render " + template, e);
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
