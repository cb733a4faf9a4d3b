package org.xuke.web.reconciliation;

import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A finding's evidence for people: its {@code key=value} pairs with their labels from the bundle
 * (a key without one, such as a dead-lettered message's detail, is shown as it is). The page and
 * the report say it alike.
 */
final class Evidence {

    private Evidence() {
    }

    static String format(ResourceBundle texts, String evidence) {
        StringBuilder said = new StringBuilder();
        for (String pair : evidence == null ? new String[0] : evidence.split(";")) {
            int eq = pair.indexOf('=');
            // a pair (declared=11) or a flag (oneBatch)
            String label = label(texts, "reconciliation.evidence." + (eq < 0 ? pair : pair.substring(0, eq)));
            if (said.length() > 0) {
                said.append("；");
            }
            said.append(label == null ? pair : eq < 0 ? label : label + "：" + pair.substring(eq + 1));
        }
        return said.toString();
    }

    private static String label(ResourceBundle texts, String key) {
        try {
            return texts.getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
