package org.xuke.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every visible string exists in Chinese and in English, and each with arguments is a pattern
 * MessageFormat reads as meant. The one exception: values that the catalogue stores in Chinese (管理方式) have English
 * words in the English bundle only, the Chinese pages showing them as stored.
 */
class BundlesTest {

    private static final String ENGLISH_ONLY = "catalog.value.management.";
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @ParameterizedTest
    @ValueSource(strings = {"org/xuke/web/text", "org/xuke/web/messages",
            "org/xuke/application/ApplicationMessages", "org/xuke/audit/AuditMessages",
            "org/xuke/catalog/CatalogMessages", "org/xuke/enterprise/EnterpriseMessages",
            "org/xuke/identity/IdentityMessages", "org/xuke/licence/LicenceMessages", "org/xuke/quota/QuotaMessages",
            "org/xuke/customs/CustomsMessages", "org/xuke/closure/ClosureMessages",
            "org/xuke/reconciliation/ReconciliationMessages", "org/xuke/notification/NotificationMessages",
            "org/xuke/statistics/StatisticsMessages"})
    void chineseAndEnglishHaveTheSameKeys(String bundle) throws IOException {
        Properties zh = load(bundle + "_zh");
        Properties en = load(bundle + "_en");
        Set<String> onlyZh = new TreeSet<>(zh.stringPropertyNames());
        onlyZh.removeAll(en.stringPropertyNames());
        Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
        onlyEn.removeAll(zh.stringPropertyNames());
        onlyEn.removeIf(key -> key.startsWith(ENGLISH_ONLY));
        assertEquals(Set.of(), onlyZh, "keys without English");
        assertEquals(Set.of(), onlyEn, "keys without Chinese");
        assertTrue(zh.size() > 0, "the bundle was read");
    }

    @ParameterizedTest
    @ValueSource(strings = {"org/xuke/web/text", "org/xuke/web/messages",
            "org/xuke/application/ApplicationMessages", "org/xuke/audit/AuditMessages",
            "org/xuke/catalog/CatalogMessages", "org/xuke/enterprise/EnterpriseMessages",
            "org/xuke/identity/IdentityMessages", "org/xuke/licence/LicenceMessages", "org/xuke/quota/QuotaMessages",
            "org/xuke/customs/CustomsMessages", "org/xuke/closure/ClosureMessages",
            "org/xuke/reconciliation/ReconciliationMessages", "org/xuke/notification/NotificationMessages",
            "org/xuke/statistics/StatisticsMessages"})
    void everyPatternIsReadable(String bundle) throws IOException {
        Properties texts = load(bundle + "_zh");
        texts.putAll(prefixed(load(bundle + "_en")));
        List<String> broken = new ArrayList<>();
        for (String key : texts.stringPropertyNames()) {
            String pattern = texts.getProperty(key);
            if (!ARGUMENT.matcher(pattern).find()) {
                continue; // read as it stands (PrimeFaces' own {startRecord} templates among them)
            }
            try {
                new MessageFormat(pattern);
            } catch (IllegalArgumentException e) {
                broken.add(key + ": " + e.getMessage());
            }
            if (LONE_APOSTROPHE.matcher(pattern).find()) {
                broken.add(key + ": a lone apostrophe quotes the rest of the pattern (write '')");
            }
        }
        assertEquals(List.of(), broken);
    }

    private static Properties prefixed(Properties english) {
        Properties renamed = new Properties();
        english.forEach((key, value) -> renamed.put("en:" + key, value));
        return renamed;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/" + name + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
