package org.xuke.platform;

/** LIKE patterns from what a user typed: his % and _ match themselves (backslash is the escape). */
public final class LikePattern {

    private LikePattern() {
    }

    public static String containing(String text) {
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
