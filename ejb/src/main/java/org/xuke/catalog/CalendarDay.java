package org.xuke.catalog;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.xuke.calendar.WorkingDays;

/**
 * A day of the official holiday calendar (国务院办公厅节假日安排) that differs from the usual week:
 * a holiday, or a weekend day worked (调休上班). Kept per year; an authority administrator imports
 * each new year's notice like any other catalogue.
 */
@Entity
@Cacheable
@Table(name = "cat_calendar_day")
public class CalendarDay extends CatalogEntry {

    private static final long serialVersionUID = 1L;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @Column(name = "catalog_year", nullable = false)
    private int catalogYear;

    @Column(name = "day_kind", nullable = false, length = 12)
    private String dayKind;

    protected CalendarDay() {
        // for JPA
    }

    public CalendarDay(int catalogYear, String date, String dayKind, String nameZh, String nameEn,
            Provenance provenance) {
        super(Guards.matching(date, "date", DATE, "yyyy-mm-dd"), nameZh, nameEn, provenance);
        LocalDate day;
        try {
            day = LocalDate.parse(getCode());
        } catch (DateTimeParseException e) {
            throw new CatalogDataException("catalog.error.format", "date", date, "yyyy-mm-dd");
        }
        this.catalogYear = Guards.year(catalogYear);
        if (day.getYear() != this.catalogYear) {
            throw new CatalogDataException("catalog.error.yearMismatch", getCode(), String.valueOf(catalogYear));
        }
        this.dayKind = Guards.required(dayKind, "type", 12);
        if (!"holiday".equals(this.dayKind) && !"working_day".equals(this.dayKind)) {
            throw new CatalogDataException("catalog.error.dayKind", this.dayKind);
        }
    }

    @Override
    public String businessKey() {
        return getCode();
    }

    public LocalDate day() {
        return LocalDate.parse(getCode());
    }

    public WorkingDays.Kind kind() {
        return "holiday".equals(dayKind) ? WorkingDays.Kind.HOLIDAY : WorkingDays.Kind.WORKING_DAY;
    }

    public int getCatalogYear() {
        return catalogYear;
    }

    public String getDayKind() {
        return dayKind;
    }
}
