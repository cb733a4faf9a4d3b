package org.xuke.notification;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of a notice, from the context's bundle (zh first, en second): the same for the message
 * centre, the e-mail and the SMS. A kind's text may have variants by its first argument (the stage
 * of new work, the step of a decision), and an argument that is a code is shown by its label.
 */
public final class NoticeTexts {

    static final String BUNDLE = "org.xuke.notification.NotificationMessages";
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private NoticeTexts() {
    }

    /** The notice's sentence in {@code locale}. */
    public static String text(Locale locale, Notice notice) {
        return text(locale, notice.getKind(), notice.getRecordLabel(), notice.arguments());
    }

    public static String text(Locale locale, NoticeKind kind, String label, List<String> arguments) {
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale, NoticeTexts.class.getClassLoader());
        String key = "notice." + kind.name();
        if (!arguments.isEmpty() && has(texts, key + "." + arguments.get(0))) {
            key = key + "." + arguments.get(0);
        }
        List<Object> values = new ArrayList<>();
        values.add(label);
        for (String argument : arguments) {
            values.add(has(texts, "code." + argument) ? texts.getString("code." + argument) : argument);
        }
        return new MessageFormat(texts.getString(key), locale).format(values.toArray());
    }

    /** A label of the bundle ("kind.WORK_NEW", "mail.subject", …). */
    public static String label(Locale locale, String key) {
        return ResourceBundle.getBundle(BUNDLE, locale, NoticeTexts.class.getClassLoader()).getString(key);
    }

    private static boolean has(ResourceBundle texts, String key) {
        try {
            texts.getString(key);
            return true;
        } catch (MissingResourceException e) {
            return false;
        }
    }
}
