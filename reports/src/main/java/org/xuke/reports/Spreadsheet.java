package org.xuke.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An Excel workbook written row by row (POI's streaming SXSSF: a window of rows in memory, the rest
 * in a compressed temporary file), so that a report of hundreds of thousands of rows costs the same
 * heap as one of ten. Sheets one after the other: {@link #sheet} starts the next with its header row.
 */
public final class Spreadsheet implements AutoCloseable {

    private static final int WINDOW = 200;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final CellStyle header;
    private final CellStyle number;
    private SXSSFSheet sheet;
    private int row;

    public Spreadsheet() {
        workbook.setCompressTempFiles(true);
        header = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        header.setFont(bold);
        number = workbook.createCellStyle();
        number.setDataFormat(workbook.createDataFormat().getFormat("#,##0.#####"));
    }

    /** The next sheet, its header row frozen at the top. */
    public Spreadsheet sheet(String name, String... headers) {
        sheet = workbook.createSheet(name);
        row = 0;
        Row top = sheet.createRow(row++);
        for (int i = 0; i < headers.length; i++) {
            Cell cell = top.createCell(i);
            cell.setCellValue(headers[i]);
            cell.setCellStyle(header);
            sheet.setColumnWidth(i, Math.max(10, Math.min(60, headers[i].length() * 3 + 4)) * 256);
        }
        sheet.createFreezePane(0, 1);
        return this;
    }

    /** A row of the current sheet: numbers as numbers, anything else as text, null as an empty cell. */
    public Spreadsheet row(Object... values) {
        Row r = sheet.createRow(row++);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                continue;
            }
            Cell cell = r.createCell(i);
            if (value instanceof BigDecimal d) {
                cell.setCellValue(d.doubleValue());
                cell.setCellStyle(number);
            } else if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
                cell.setCellStyle(number);
            } else {
                cell.setCellValue(text(value.toString()));
            }
        }
        return this;
    }

    /**
     * Text as it was given, except that a text a spreadsheet could take for a formula (it starts with
     * {@code = + - @}, a tab or a carriage return: a note typed by someone, a line of a customs file)
     * is kept as text with a leading apostrophe, also once the sheet is saved again as CSV.
     */
    static String text(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    public void write(OutputStream out) throws IOException {
        workbook.write(out);
    }

    @Override
    public void close() throws IOException {
        // also deletes the temporary files
        workbook.close();
    }
}
