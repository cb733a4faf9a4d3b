package org.xuke.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a page's CPU goes, from a flight recording of the server ({@link ListPagesBenchmark} with
 * {@code -Dbench.jfr=true}): each execution sample counts for the nearest frame, from the leaf, that
 * belongs to a known layer (stacks are cut at 64 frames, so the layer near the work is the one found).
 */
final class JfrLayers {

    private static final Map<String, List<String>> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("PrimeFaces data table", List.of("org.primefaces.component.datatable",
                "org.primefaces.component.paginator", "org.primefaces.component.column", "org.primefaces.model"));
        LAYERS.put("other PrimeFaces", List.of("org.primefaces."));
        LAYERS.put("Facelets view build", List.of("com.sun.faces.facelets"));
        LAYERS.put("Faces state saving", List.of("com.sun.faces.application.view.", "com.sun.faces.renderkit.ServerSideStateHelper",
                "com.sun.faces.application.StateManagerImpl", "jakarta.faces.component.StateHolderSaver",
                "jakarta.faces.component.ComponentStateHelper", "com.sun.faces.util.LRUMap",
                "com.sun.faces.renderkit.ResponseStateManagerImpl"));
        LAYERS.put("Faces components and renderers", List.of("com.sun.faces.", "jakarta.faces."));
        LAYERS.put("EL", List.of("org.glassfish.expressly", "com.sun.el", "jakarta.el", "org.xuke.web.MethodCacheELResolver"));
        LAYERS.put("JPA / JDBC", List.of("org.eclipse.persistence", "org.postgresql", "com.sun.gjc",
                "com.sun.enterprise.resource"));
        LAYERS.put("EJB container and transactions", List.of("com.sun.ejb", "com.sun.enterprise.transaction", "com.sun.jts",
                "org.glassfish.ejb"));
        LAYERS.put("CDI (Weld)", List.of("org.jboss.weld"));
        LAYERS.put("security", List.of("org.glassfish.soteria", "fish.payara.security", "com.sun.enterprise.security",
                "org.glassfish.exousia", "org.xuke.web.security"));
        LAYERS.put("xuke code", List.of("org.xuke."));
        LAYERS.put("TLS", List.of("sun.security.ssl", "com.sun.crypto", "sun.security", "javax.crypto"));
        LAYERS.put("HTTP (Grizzly, HTTP/2, servlet container)", List.of("org.glassfish.grizzly", "org.apache.catalina",
                "org.apache.coyote", "com.sun.enterprise.web", "org.glassfish.web"));
        LAYERS.put("OmniFaces", List.of("org.omnifaces"));
    }

    private JfrLayers() {
    }

    /** Lines "share % layer", largest first, for one recording. */
    static List<String> breakdown(Path recording) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            counts.merge(layer(event.getStackTrace().getFrames()), 1, Integer::sum);
            total++;
        }
        List<String> lines = new ArrayList<>();
        int samples = total;
        lines.add(recording.getFileName() + ": " + samples + " samples");
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).forEach(e -> lines.add(String.format(
                Locale.ROOT, "  %5.1f %%  %s", e.getValue() * 100.0 / Math.max(1, samples), e.getKey())));
        return lines;
    }

    private static String layer(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String name = frame.getMethod().getType().getName();
            for (Map.Entry<String, List<String>> layer : LAYERS.entrySet()) {
                if (layer.getValue().stream().anyMatch(name::startsWith)) {
                    return layer.getKey();
                }
            }
        }
        return "JDK frames only";
    }
}
