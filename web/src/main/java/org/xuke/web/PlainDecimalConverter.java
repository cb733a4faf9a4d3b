package org.xuke.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Every decimal a person types or reads in a form (quantities, prices, rates, quotas): shown as
 * people write it ({@code 2000}, {@code 1500.5}; never {@code 2E+3}), and read back within bounds
 * checked on the text before anything is parsed: at most 13 digits before the point and 6 after,
 * no exponent. Grouping commas ({@code 2,000}) and full-width digits ({@code ２０００}) are accepted
 * and read as what they say. Anything else is refused with the field's message. Inputs name it
 * ({@code converter="xuke.decimal"}): registered for the class it did not replace Mojarra's own
 * BigDecimal converter, which writes {@code 1E+1}.
 */
@FacesConverter("xuke.decimal")
public class PlainDecimalConverter implements Converter<BigDecimal> {

    public static final int INTEGER_DIGITS = 13;
    public static final int FRACTION_DIGITS = 6;
    private static final Pattern PLAIN = Pattern.compile("-?\\d{1," + INTEGER_DIGITS + "}(\\.\\d{1," + FRACTION_DIGITS
            + "})?");
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    @Override
    public BigDecimal getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = read(value);
        if (text == null) {
            throw new ConverterException(message(context, component));
        }
        return new BigDecimal(text);
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, BigDecimal value) {
        return format(value);
    }

    /** The plain text of a decimal: no exponent, no trailing zeros ({@code 2000}, {@code 12.5}). */
    public static String format(BigDecimal value) {
        if (value == null) {
            return "";
        }
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /**
     * What a typed number says, as ASCII digits with at most one point; null when it is not a
     * number within the bounds. Checked on the text: an 11-character {@code 1e20000} never becomes
     * a 20,001-digit number.
     */
    static String read(String typed) {
        if (typed.length() > 40) {
            return null;
        }
        StringBuilder ascii = new StringBuilder(typed.length());
        for (char c : typed.strip().toCharArray()) {
            if (c >= '０' && c <= '９') {
                ascii.append((char) ('0' + (c - '０')));
            } else if (c == '．' || c == '。') {
                ascii.append('.');
            } else if (c == '，') {
                ascii.append(',');
            } else if (c == '－') {
                ascii.append('-');
            } else {
                ascii.append(c);
            }
        }
        String text = ascii.toString();
        if (GROUPED.matcher(text).matches()) {
            text = text.replace(",", "");
        }
        return PLAIN.matcher(text).matches() ? text : null;
    }

    private static FacesMessage message(FacesContext context, UIComponent component) {
        String custom = component instanceof UIInput input ? input.getConverterMessage() : null;
        String text = custom != null ? custom : Texts.text("number.bounds", INTEGER_DIGITS, FRACTION_DIGITS);
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text);
    }
}
