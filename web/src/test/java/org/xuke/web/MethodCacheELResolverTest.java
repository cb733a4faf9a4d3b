package org.xuke.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.el.ELProcessor;
import jakarta.el.PropertyNotWritableException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MethodCacheELResolverTest {

    /** A public record in a class nobody outside may reach: the standard resolvers cannot call into it. */
    private static final class Hidden {
        public record Row(long id, String name, LocalDate day) {
        }
    }

    public static class Labels {
        public String format(LocalDate day) {
            return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
        }

        public String pad(int width, String text) {
            return String.format("%" + width + "s", text);
        }

        public String describe(String text) {
            return text == null ? "null" : "[" + text + "]";
        }

        public String twice(String text) {
            return text + text;
        }

        public String twice(Long number) {
            return String.valueOf(number * 2);
        }
    }

    private ELProcessor el;

    @BeforeEach
    void setUp() {
        el = new ELProcessor();
        el.getELManager().addELResolver(new MethodCacheELResolver());
        el.defineBean("r", new Hidden.Row(7L, "鎵業", LocalDate.of(2026, 11, 29)));
        el.defineBean("labels", new Labels());
    }

    @Test
    void readsRecordComponentsAsCallsAndAsProperties() {
        assertEquals(Long.valueOf(7), el.<Object>eval("r.id()"));
        assertEquals("鎵業", el.eval("r.name"));
        assertEquals("2026年11月29日", el.eval("labels.format(r.day())"));
        assertEquals("鎵業 7", el.eval("r.name().concat(' ').concat(r.id)"));
        assertThrows(PropertyNotWritableException.class, () -> el.setValue("r.name", "x"));
    }

    /** Whatever this resolver answers, the standard resolvers answer the same. */
    @Test
    void givesWhatTheStandardResolversGive() {
        ELProcessor standard = new ELProcessor();
        standard.defineBean("r", new Visible(7L, "鎵業"));
        standard.defineBean("labels", new Labels());
        el.defineBean("r", new Visible(7L, "鎵業"));
        for (String expression : List.of("r.id()", "r.name()", "labels.describe(r.name())", "labels.describe(null)",
                "labels.describe(r.id())", "labels.twice('ab')", "labels.twice(3)", "labels.pad(5, 'ok')",
                "labels.pad('4', 12)", "r.name().length()", "labels.describe(r.missing)")) {
            assertEquals(String.valueOf(standard.<Object>eval(expression)), String.valueOf(el.<Object>eval(expression)),
                    expression);
        }
    }

    public record Visible(long id, String name) {
        public String getMissing() {
            return null;
        }
    }

    @Test
    void leavesOverloadsAndCoercionToTheStandardResolvers() {
        // overloaded: the standard resolver picks by argument type
        assertEquals("abab", el.eval("labels.twice('ab')"));
        // a Long where an int is declared, and the text of a number: EL coercion, not this resolver's
        assertEquals("   ok", el.eval("labels.pad(5, 'ok')"));
        assertEquals("  12", el.eval("labels.pad('4', 12)"));
    }
}
