package org.xuke.catalog;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * Loads the catalogues shipped with the application (data/bundled.txt) into an empty database, so a
 * fresh deployment has the official code tables without a manual step. A catalogue that already
 * has rows is left alone: after the first start only an officer's import changes it.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CatalogBootstrap {

    private static final Logger LOG = Logger.getLogger(CatalogBootstrap.class.getName());
    static final String DATA = "/org/xuke/catalog/data/";

    @Inject
    private CatalogService catalogs;

    @PostConstruct
    void loadBundledCatalogues() {
        for (BundledFile file : bundledFiles()) {
            CatalogFilter sameYear = new CatalogFilter(file.year(), null, null, null);
            if (catalogs.count(file.kind(), sameYear) > 0) {
                continue;
            }
            // Read exactly as an officer's upload is: same checks, same transaction, same import record.
            ImportReport report = catalogs.importCsv(file.kind(), file.year(), file.name(), read(file.name()),
                    "system");
            if (!report.imported()) {
                // A broken bundled file is a build defect: say exactly where, and stop the deployment.
                throw new IllegalStateException("Bundled catalogue " + file.name() + " is invalid: " + report.errors());
            }
            LOG.info(() -> "Loaded bundled catalogue " + file.name() + ": " + report.rowsStored() + " rows");
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = CatalogBootstrap.class.getResourceAsStream(DATA + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing bundled catalogue " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read bundled catalogue " + name, e);
        }
    }

    /** One line of data/bundled.txt: kind, year (or -) and file name, in import order. */
    record BundledFile(CatalogKind kind, Integer year, String name) {
    }

    static java.util.List<BundledFile> bundledFiles() {
        try (InputStream in = CatalogBootstrap.class.getResourceAsStream(DATA + "bundled.txt")) {
            if (in == null) {
                throw new IllegalStateException("Missing " + DATA + "bundled.txt");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.split("\\s+"))
                    .map(parts -> new BundledFile(CatalogKind.valueOf(parts[0]),
                            "-".equals(parts[1]) ? null : Integer.valueOf(parts[1]), parts[2]))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
