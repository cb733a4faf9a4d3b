package org.xuke.enterprise;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class EnterpriseCodeConverter implements AttributeConverter<EnterpriseCode, String> {

    @Override
    public String convertToDatabaseColumn(EnterpriseCode code) {
        return code == null ? null : code.value();
    }

    @Override
    public EnterpriseCode convertToEntityAttribute(String value) {
        return value == null ? null : EnterpriseCode.parse(value);
    }
}
