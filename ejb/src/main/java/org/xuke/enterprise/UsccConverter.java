package org.xuke.enterprise;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores the code as its 18 characters; a stored value is checked again when read. */
@Converter(autoApply = true)
public class UsccConverter implements AttributeConverter<UnifiedSocialCreditCode, String> {

    @Override
    public String convertToDatabaseColumn(UnifiedSocialCreditCode code) {
        return code == null ? null : code.value();
    }

    @Override
    public UnifiedSocialCreditCode convertToEntityAttribute(String value) {
        return value == null ? null : UnifiedSocialCreditCode.parse(value);
    }
}
