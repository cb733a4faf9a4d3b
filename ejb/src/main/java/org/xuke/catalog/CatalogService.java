package org.xuke.catalog;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.xuke.platform.Page;
import org.xuke.calendar.WorkingDays;
import org.xuke.platform.StampedCache;

/**
 * The catalogue boundary: searching the reference tables and importing a new version of one.
 * Every public method is a transaction.
 */
@Stateless
public class CatalogService {

    private static final Logger LOG = Logger.getLogger(CatalogService.class.getName());
    /** Uploads larger than this are refused before parsing. */
    public static final int MAX_FILE_BYTES = 20 * 1024 * 1024;
    private static final int MAX_PAGE = 500;

    @Inject
    private CatalogRepository repository;

    @Inject
    private Clock clock;

    @Inject
    private StampedCache cache;

    /** One page of a catalogue, sorted in the database; {@code sortAttribute} must be one of the kind's columns. */
    public <T extends CatalogEntry> List<T> find(CatalogKind kind, CatalogFilter filter, int first, int pageSize,
            String sortAttribute, boolean ascending) {
        int size = Math.max(1, Math.min(pageSize, MAX_PAGE));
        return repository.find(kind, filter == null ? CatalogFilter.none() : filter, Math.max(0, first), size,
                sortAttribute, ascending);
    }

    /**
     * "code name" of a catalogue code, for showing and printing a stored document (the code alone
     * if the catalogue no longer has it). One prefix query for this code, not the whole catalogue.
     */
    public String label(CatalogKind kind, String code) {
        return label(kind, code, false);
    }

    /** "code name" in English where the catalogue has an English name (the English pages). */
    public String label(CatalogKind kind, String code, boolean english) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return entry(kind, code).map(e -> e.getCode() + " " + name(e, english)).orElse(code);
    }

    /** The export licence goods list's categories: "EL" and its number (EL06, EL32) to its name (大米, 焦炭). */
    private static volatile Map<String, String> categories;

    /**
     * "EL06 大米": a commodity category as people read it, named from the year's export licence goods
     * list (the commodity catalogue keeps only the category's code); the code alone when not listed.
     */
    public String categoryLabel(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        Map<String, String> names = categories;
        if (names == null) {
            names = new HashMap<>();
            try (var in = CatalogService.class.getResourceAsStream("data/export-licence-goods-2026.csv")) {
                if (in != null) {
                    List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
                    for (String line : lines) {
                        String[] cells = line.split(",", 3);
                        if (cells.length >= 2 && cells[0].matches("\\d{1,2}")) {
                            names.put(String.format("EL%02d", Integer.parseInt(cells[0])), cells[1]);
                        }
                    }
                }
            } catch (IOException e) {
                LOG.warning("The export licence goods list cannot be read: " + e.getMessage());
            }
            categories = names;
        }
        String name = names.get(code);
        return name == null ? code : code + " " + name;
    }

    /** The entry of this code (of any year, for a yearly catalogue). */
    public Optional<CatalogEntry> entry(CatalogKind kind, String code) {
        return find(kind, new CatalogFilter(null, code, null, null), 0, 20, "code", true).stream()
                .filter(e -> code.equals(e.getCode())).findFirst();
    }

    /** The Chinese name, or the English one where asked and present. */
    public static String name(CatalogEntry entry, boolean english) {
        return english && entry.getNameEn() != null && !entry.getNameEn().isBlank() ? entry.getNameEn()
                : entry.getNameZh();
    }

    /**
     * The working-day calendar from every imported year of the holiday catalogue. Every officer
     * queue page asks for it: it is read again only when a newer import of the calendar is seen.
     */
    public WorkingDays workingDays() {
        return cache.get("working-days", repository.lastImport(CatalogKind.CALENDAR_DAY), () -> {
            Map<LocalDate, WorkingDays.Kind> days = new HashMap<>();
            for (CalendarDay day : repository.allCalendarDays()) {
                days.put(day.day(), day.kind());
            }
            return new WorkingDays(days);
        });
    }

    /** A page of a catalogue and the number of rows the filter finds, in one call. */
    public <T extends CatalogEntry> Page<T> page(CatalogKind kind, CatalogFilter filter, int first, int max,
            String sort, boolean ascending) {
        List<T> rows = find(kind, filter, first, max, sort, ascending);
        return new Page<>(rows, count(kind, filter));
    }

    public long count(CatalogKind kind, CatalogFilter filter) {
        return repository.count(kind, filter == null ? CatalogFilter.none() : filter);
    }

    /** Whether a code exists (exactly) in a catalogue, for a year of a yearly one. */
    /**
     * Whether a licence may name this code: it is in the catalogue and, where the catalogue says
     * so, a destination (countries) or current (currencies, trade modes); payment methods of the
     * licence form's own list.
     */
    public boolean usableOnLicence(CatalogKind kind, String code) {
        if (code == null || code.isBlank()) {
            return false;
        }
        return find(kind, new CatalogFilter(null, code, null, null), 0, 20, "code", true).stream()
                .filter(e -> code.equals(e.getCode())).anyMatch(CatalogService::usableOnLicence);
    }

    /** The catalogue's own word on whether a licence may name this entry (see {@link #usableOnLicence}). */
    public static boolean usableOnLicence(CatalogEntry entry) {
        if (entry instanceof Country country) {
            return country.isDestination();
        }
        if (entry instanceof Currency currency) {
            return currency.isInUse();
        }
        if (entry instanceof TradeMode tradeMode) {
            // the only licence forms so far are for exports (an import licence will ask for import)
            return tradeMode.isInUse() && tradeMode.allowsExport();
        }
        if (entry instanceof PaymentMethod method) {
            return PaymentMethod.LICENCE_FORM.equals(method.getCodeSystem());
        }
        return true;
    }

    public boolean exists(CatalogKind kind, Integer year, String code) {
        return code != null && repository.exists(kind, year, code);
    }

    public List<Integer> years(CatalogKind kind) {
        return repository.years(kind);
    }

    public Commodity findCommodity(int year, String code) {
        return repository.findByCode(Commodity.class, code, year);
    }

    /** Goods and unit names for a list page's commodities (rows of several years at once). */
    public List<GoodsName> goodsNames(Collection<Integer> years, Collection<String> codes) {
        return years.isEmpty() || codes.isEmpty() ? List.of() : repository.goodsNames(years, codes);
    }

    /** A unit's name without its code (千克 for 035), as printed documents show it. */
    public String unitName(String code) {
        String label = label(CatalogKind.UNIT, code);
        return code != null && label.startsWith(code + " ") ? label.substring(code.length() + 1) : label;
    }

    /** An authority's Chinese name, or its code if the catalogue does not know it. */
    public String authorityName(String code) {
        IssuingAuthority authority = findAuthority(code);
        return authority == null ? code : authority.getNameZh();
    }

    public IssuingAuthority findAuthority(String code) {
        return code == null ? null : repository.findByCode(IssuingAuthority.class, code, null);
    }

    public List<CatalogImport> recentImports(int max) {
        return repository.recentImports(Math.min(max, 200));
    }

    /**
     * Replaces one catalogue (or one year of a yearly catalogue) with the rows of a CSV file.
     * All rows are checked first; if any is wrong nothing is stored and the report lists each bad
     * line with its reason.
     */
    public ImportReport importCsv(CatalogKind kind, Integer year, String fileName, byte[] content, String user) {
        String name = fileName == null || fileName.isBlank() ? "upload.csv" : fileName;
        if (content == null || content.length == 0) {
            return refused(kind, year, name, "catalog.error.empty");
        }
        if (content.length > MAX_FILE_BYTES) {
            return refused(kind, year, name, "catalog.error.fileTooLarge", String.valueOf(MAX_FILE_BYTES / 1024 / 1024));
        }
        Reader reader;
        try {
            // Decode strictly: a GBK file read as UTF-8 would silently garble every name.
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content)).toString();
            reader = new java.io.StringReader(text);
        } catch (CharacterCodingException e) {
            return refused(kind, year, name, "catalog.error.encoding");
        }
        CatalogCsvParser.Result result = new CatalogCsvParser().parse(kind, year, reader, context());
        if (!result.errors().isEmpty()) {
            return new ImportReport(kind, year, name, result.rowsRead(), 0, result.errors());
        }
        if (kind == CatalogKind.ISSUING_AUTHORITY) {
            List<RowError> conflicts = keepLicenceNumberCodes(result.entries());
            if (!conflicts.isEmpty()) {
                return new ImportReport(kind, year, name, result.rowsRead(), 0, conflicts);
            }
        }
        int removed = repository.deleteForReplacement(kind, year);
        result.entries().forEach(repository::persist);
        repository.record(new CatalogImport(kind, kind.isYearly() ? year : null, name, result.entries().size(), user,
                LocalDateTime.now(clock)));
        LOG.info(() -> "Catalogue " + kind + (year == null ? "" : " " + year) + " imported from " + name + " by "
                + user + ": " + result.entries().size() + " rows (replaced " + removed + ")");
        return new ImportReport(kind, year, name, result.rowsRead(), result.entries().size(), List.of());
    }

    /**
     * The licence-number codes are deployment data (each bureau sets its own, audited; the
     * published table has none), and the numbers already issued carry them: a new authority table
     * keeps them, and is refused if it would drop an authority that has one, give it another, or
     * give one code to two authorities.
     */
    private List<RowError> keepLicenceNumberCodes(List<? extends CatalogEntry> entries) {
        Map<String, String> assigned = repository.licenceNumberCodes();
        Map<String, String> holders = new HashMap<>();
        Set<String> present = new HashSet<>();
        List<RowError> errors = new ArrayList<>();
        for (CatalogEntry entry : entries) {
            IssuingAuthority authority = (IssuingAuthority) entry;
            present.add(authority.getCode());
            String kept = assigned.get(authority.getCode());
            if (kept != null && authority.getLicenceNumberCode() == null) {
                authority.assignLicenceNumberCode(kept);
            } else if (kept != null && !kept.equals(authority.getLicenceNumberCode())) {
                errors.add(new RowError(0, "catalog.error.licenceCodeChanged",
                        List.of(authority.getCode(), kept, authority.getLicenceNumberCode())));
            }
            String code = authority.getLicenceNumberCode();
            String holder = code == null ? null : holders.putIfAbsent(code, authority.getCode());
            if (holder != null) {
                errors.add(new RowError(0, "catalog.error.licenceCodeTwice", List.of(code, holder, authority.getCode())));
            }
        }
        assigned.keySet().stream().filter(code -> !present.contains(code)).sorted().forEach(code -> errors.add(
                new RowError(0, "catalog.error.authorityDropped", List.of(code, assigned.get(code)))));
        return errors;
    }

    /** Look-ups against the stored catalogues, remembered for the length of one import. */
    private ImportContext context() {
        Map<String, Boolean> known = new HashMap<>();
        return new ImportContext() {
            @Override
            public boolean unitExists(String code) {
                return known.computeIfAbsent("unit/" + code, k -> repository.exists(CatalogKind.UNIT, null, code));
            }

            @Override
            public boolean licensedGoodsExists(int year, String code) {
                return known.computeIfAbsent("goods/" + year + "/" + code,
                        k -> repository.exists(CatalogKind.LICENSED_GOODS, year, code));
            }
        };
    }

    private static ImportReport refused(CatalogKind kind, Integer year, String name, String key, String... args) {
        return new ImportReport(kind, year, name, 0, 0, List.of(new RowError(0, key, List.of(args))));
    }
}
