package org.xuke.catalog;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a catalogue CSV file (UTF-8, comma separated, header row first) and validates every row,
 * collecting all errors rather than stopping at the first, so an officer can fix a file in one go.
 * Writes nothing: storing is the service's job, and only when no row failed.
 */
public final class CatalogCsvParser {

    /** Refuse files larger than this many data rows (the largest official table has ~1,100). */
    public static final int MAX_ROWS = 200_000;
    private static final int MAX_ERRORS = 500;

    /** The valid entities, and the errors; the entities are usable only when there are no errors. */
    public record Result(List<CatalogEntry> entries, List<RowError> errors, int rowsRead) {
    }

    public Result parse(CatalogKind kind, Integer year, Reader reader, ImportContext context) {
        List<RowError> errors = new ArrayList<>();
        List<CatalogEntry> entries = new ArrayList<>();
        if (kind.isYearly() && year == null) {
            errors.add(new RowError(0, "catalog.error.yearRequired", List.of()));
            return new Result(entries, errors, 0);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).build();
        int rows = 0;
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = stripBom(parser.getHeaderNames());
            List<String> missing = kind.requiredCsvColumns().stream().filter(c -> !header.contains(c)).toList();
            if (header.isEmpty()) {
                errors.add(new RowError(0, "catalog.error.empty", List.of()));
                return new Result(entries, errors, 0);
            }
            if (!missing.isEmpty()) {
                errors.add(new RowError(1, "catalog.error.missingColumns", List.of(String.join(", ", missing))));
                return new Result(entries, errors, 0);
            }
            Map<String, Long> seenKeys = new HashMap<>();
            var iterator = parser.iterator();
            while (hasNext(iterator, errors, parser)) {
                CSVRecord record = iterator.next();
                rows++;
                long line = parser.getCurrentLineNumber();
                if (rows > MAX_ROWS) {
                    errors.add(new RowError(line, "catalog.error.tooManyRows", List.of(String.valueOf(MAX_ROWS))));
                    break;
                }
                if (record.size() != header.size()) {
                    errors.add(new RowError(line, "catalog.error.columnCount",
                            List.of(String.valueOf(record.size()), String.valueOf(header.size()))));
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i), record.get(i));
                }
                try {
                    CatalogEntry entry = kind.parser().parse(new CsvRow(line, values), year, context);
                    Long earlier = seenKeys.putIfAbsent(entry.businessKey(), line);
                    if (earlier != null) {
                        errors.add(new RowError(line, "catalog.error.duplicate",
                                List.of(entry.businessKey(), String.valueOf(earlier))));
                    } else {
                        entries.add(entry);
                    }
                } catch (CatalogDataException e) {
                    errors.add(new RowError(line, e.key(), e.arguments()));
                }
                if (errors.size() >= MAX_ERRORS) {
                    errors.add(new RowError(line, "catalog.error.tooManyErrors", List.of(String.valueOf(MAX_ERRORS))));
                    break;
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // Commons CSV reports a broken file (unclosed quote, duplicate header) this way.
            errors.add(new RowError(0, "catalog.error.unreadable", List.of(String.valueOf(e.getMessage()))));
        }
        if (errors.isEmpty() && entries.isEmpty()) {
            errors.add(new RowError(0, "catalog.error.empty", List.of()));
        }
        return new Result(entries, errors, rows);
    }

    private static boolean hasNext(java.util.Iterator<CSVRecord> iterator, List<RowError> errors, CSVParser parser) {
        try {
            return iterator.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            errors.add(new RowError(parser.getCurrentLineNumber(), "catalog.error.unreadable",
                    List.of(String.valueOf(e.getMessage()))));
            return false;
        }
    }

    private static List<String> stripBom(List<String> header) {
        if (header.isEmpty() || header.get(0).isEmpty() || header.get(0).charAt(0) != '\uFEFF') {
            return header;
        }
        List<String> copy = new ArrayList<>(header);
        copy.set(0, copy.get(0).substring(1));
        return copy;
    }
}
