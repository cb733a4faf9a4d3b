package org.xuke.reports;

import java.util.List;
import java.util.Map;

/**
 * What fills one document: the template's parameters and, for templates with a detail band
 * (the specification lines of a licence), one map of field values per row; {@code rows} null
 * fills a template without detail once.
 */
public record ReportData(Map<String, ?> parameters, List<? extends Map<String, ?>> rows) {
}
