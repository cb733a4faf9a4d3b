package org.xuke.licence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.xuke.catalog.LicenceKind;

/** A licence kind is stored as its customs document code (监管证件代码: 4, 3, 7, O, ...), as customs knows it. */
@Converter
public class LicenceKindConverter implements AttributeConverter<LicenceKind, String> {

    @Override
    public String convertToDatabaseColumn(LicenceKind kind) {
        return kind == null ? null : String.valueOf(kind.customsCode());
    }

    @Override
    public LicenceKind convertToEntityAttribute(String code) {
        return code == null || code.isEmpty() ? null : LicenceKind.ofCustomsCode(code.charAt(0));
    }
}
