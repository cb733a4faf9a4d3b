package org.xuke.licence;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * The search of 查看电子许可证: licence number (part of it), commodity code (its start), holder
 * (name or part of it; officers' lists), issue date range in China time, and standing on today.
 * Any part may be null.
 */
public record LicenceFilter(String number, String commodity, String holder, LocalDate issuedFrom,
        LocalDate issuedTo, LicenceStanding standing) implements Serializable {

    public static LicenceFilter number(String number) {
        return new LicenceFilter(number, null, null, null, null, null);
    }
}
