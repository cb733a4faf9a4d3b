package org.xuke.platform;

/** LIKE patterns from what a user typed: his % and _ match themselves (backslash is the escape). */
public final class LikePattern {

    private LikePattern() {
    }

    public static String containing(String text) {
        return "%" + literal(text) + "%";
    }

    public static String startingWith(String text) {
        return literal(text) + "%";
    }

    private static String literal(String text) {
        return text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
