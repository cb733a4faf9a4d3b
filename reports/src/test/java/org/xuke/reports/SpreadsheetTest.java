package org.xuke.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SpreadsheetTest {

    @Test
    void sheetsKeepTheirRowsNumbersAsNumbersAndMoreRowsThanTheWindow() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Spreadsheet book = new Spreadsheet()) {
            book.sheet("汇总", "项目", "数值").row("许可证", 3L).row("数量", new BigDecimal("12.50000"));
            book.sheet("明细", "许可证号", "项号", "已用");
            for (int i = 1; i <= 1_000; i++) {
                book.row("26GZ" + String.format("%06d", i), i % 3 + 1, null);
            }
            book.write(out);
        }
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(read.getNumberOfSheets()).isEqualTo(2);
            XSSFSheet summary = read.getSheet("汇总");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("项目");
            assertThat(summary.getRow(2).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(summary.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(12.5);
            XSSFSheet lines = read.getSheet("明细");
            assertThat(lines.getLastRowNum()).isEqualTo(1_000);
            assertThat(lines.getRow(1_000).getCell(0).getStringCellValue()).isEqualTo("26GZ001000");
            assertThat(lines.getRow(1_000).getCell(2)).isNull();
            assertThat(lines.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
        }
    }

    @Test
    void aTextThatASpreadsheetWouldTakeForAFormulaStaysText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Spreadsheet book = new Spreadsheet()) {
            book.sheet("异常", "批注").row("=HYPERLINK(\"http://x\")").row("-1+2").row("@SUM(A1)").row("已核实 = 10");
            book.write(out);
        }
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = read.getSheet("异常");
            assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\")");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("'-1+2");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("'@SUM(A1)");
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("已核实 = 10");
        }
    }
}
