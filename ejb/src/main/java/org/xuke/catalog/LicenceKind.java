package org.xuke.catalog;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The licences this system issues, keyed by the customs document code (监管证件代码). */
public enum LicenceKind {
    IMPORT('1'),
    DUAL_USE_IMPORT('2'),
    DUAL_USE_EXPORT('3'),
    EXPORT('4'),
    AUTOMATIC_IMPORT('7'),
    AUTOMATIC_IMPORT_MECHANICAL('O');

    private final char customsCode;

    LicenceKind(char customsCode) {
        this.customsCode = customsCode;
    }

    public char customsCode() {
        return customsCode;
    }

    public static LicenceKind ofCustomsCode(char code) {
        for (LicenceKind kind : values()) {
            if (kind.customsCode == code) {
                return kind;
            }
        }
        throw new CatalogDataException("catalog.error.licenceKind", String.valueOf(code));
    }

    /** Parses a list such as {@code 4} or {@code 7;O} (separated by ';' or ','). */
    public static Set<LicenceKind> parseList(String value) {
        if (value == null || value.isBlank()) {
            throw new CatalogDataException("catalog.error.required", "licence_kinds");
        }
        Set<LicenceKind> kinds = EnumSet.noneOf(LicenceKind.class);
        for (String part : value.split("[;,]")) {
            String code = part.strip();
            if (code.length() != 1) {
                throw new CatalogDataException("catalog.error.licenceKind", code);
            }
            kinds.add(ofCustomsCode(code.charAt(0)));
        }
        return kinds;
    }

    public static String format(Set<LicenceKind> kinds) {
        return kinds.stream().sorted().map(k -> String.valueOf(k.customsCode))
                .collect(Collectors.joining(";"));
    }

    static Set<LicenceKind> all() {
        return EnumSet.copyOf(Arrays.asList(values()));
    }
}
