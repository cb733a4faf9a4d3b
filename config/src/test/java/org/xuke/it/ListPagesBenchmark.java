package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xuke.enterprise.UnifiedSocialCreditCode;
import org.xuke.account.AccountService;
import org.xuke.identity.CertificateService;
import org.xuke.account.DataScope;
import org.xuke.account.Role;

/**
 * Not a test: the figures of issue 4 (./mvnw -Pbench verify). Loads 1,000,000 applications of
 * 2,000 enterprises into the real PostgreSQL, then 20 clients, each signed in over HTTPS with an
 * e-key, fetch the enterprise's list, the officer's initial-review queue and a trivial Facelets
 * page on the same server, one page at a time; prints p50/p95 latency and throughput of each, and
 * the CPU time the Payara process spent per request (client, PostgreSQL and Payara share the cores).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ListPagesBenchmark {

    static final int ENTERPRISES = 2_000;
    static final int APPLICATIONS = 1_000_000;
    static final int CLIENTS = 20;
    static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 60);
    static final int MEASURE_SECONDS = Integer.getInteger("bench.seconds", 30);
    private static final String PASSWORD = "Xk-2026-bench-lists-1";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(ListPagesBenchmark.class);
    }

    @Resource(lookup = "jdbc/xuke")
    DataSource data;

    @Inject
    AccountService accounts;

    @Inject
    CertificateService certificates;

    /** 2,000 enterprises of one authority, 500 applications each in every state; the two people who read them. */
    @Test
    @Order(1)
    void load() throws Exception {
        long started = System.nanoTime();
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement insert = c.prepareStatement("insert into enterprise (id, version, uscc, "
                    + "enterprise_code, name, authority_code) values (?, 0, ?, ?, ?, 'PROV-LIAONING')")) {
                for (int i = 0; i < ENTERPRISES; i++) {
                    insert.setLong(1, 10_000_000L + i);
                    insert.setString(2, uscc(i));
                    insert.setString(3, String.valueOf(4_400_000_000_000L + i));
                    insert.setString(4, "基准测试进出口有限公司" + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.execute("insert into export_application (id, version, enterprise_id, created_by, state, "
                        + "application_number, licence_year, commodity_code, port_code, exporter_code, "
                        + "consignor_code, trade_mode_code, country_code, transport_mode_code, payment_method, "
                        + "validity_end, contract_number, currency_code, usd_rate, one_batch, created_at_utc, "
                        + "submitted_at_utc, authority_code, total_quantity, total_usd, form_printed) "
                        + "select 100000000 + g, 0, 10000000 + g % 2000, 'BENCHQY', st, "
                        + "case when st = 'DRAFT' then null else '26' || (4400000000000 + g % 2000) "
                        + "|| lpad((g / 2000)::text, 6, '0') end, 2026, '8112921000', '0901', "
                        + "(4400000000000 + g % 2000)::text, (4400000000000 + g % 2000)::text, '0110', '116', '2', "
                        + "'信用证', date '2026-12-31', 'HT-' || g, '502', 1, true, "
                        + "timestamp '2026-01-01' + (g / 2000) * interval '14 hours', "
                        + "case when st = 'DRAFT' then null else timestamp '2026-01-01' + (g / 2000) "
                        + "* interval '14 hours' + interval '1 hour' end, 'PROV-LIAONING', 100, 1250.00, false "
                        + "from (select g, (array['DRAFT','PENDING_INITIAL_REVIEW','RETURNED','WITHDRAWN',"
                        + "'PENDING_SECOND_REVIEW','REJECTED','APPROVED','ISSUED','ISSUED','ISSUED'])[1 + g % 10] st "
                        + "from generate_series(0, " + (APPLICATIONS - 1) + ") g) x");
                // every issued application has its licence (the lists join it for the licence number)
                s.execute("insert into licence (id, licence_number, application_id, enterprise_id, "
                        + "authority_code, licence_year, commodity_code, total_quantity, total_usd, validity_end, "
                        + "one_batch, issued_by, issued_at_utc, content, seal, applicant, department, port_code) "
                        + "select id, '26BN' || lpad((row_number() over (order by id))::text, 6, '0'), id, "
                        + "enterprise_id, authority_code, 2026, commodity_code, total_quantity, total_usd, "
                        + "validity_end, true, 'BENCHFZ', submitted_at_utc + interval '2 days', '{}', "
                        + "decode('00', 'hex'), created_by, department, port_code "
                        + "from export_application where state = 'ISSUED' and id >= 100000000");
                // what autovacuum does on a live system soon after a bulk load: statistics and the visibility map
                s.execute("vacuum analyze enterprise");
                s.execute("vacuum analyze export_application");
                s.execute("vacuum analyze licence");
            }
        }
        AccountService.CreatedAccount user = accounts.createEnterpriseUser("bench", "BENCHQY", "基准企业用户",
                10_000_000L, null, DataScope.COMPANY, Set.of(Role.ENTERPRISE_OPERATOR));
        accounts.changePassword(user.username(), user.oneTimePassword(), PASSWORD.toCharArray(), "127.0.0.1");
        Files.createDirectories(Fixtures.DIR);
        Files.write(Fixtures.ekey("BENCHQY"), certificates.issue("bench", "BENCHQY", Fixtures.EKEY_PASSWORD)
                .loginPkcs12());
        Fixtures.officer(accounts, certificates, "PROV-LIAONING", "BENCHCS", PASSWORD,
                Set.of(Role.INITIAL_REVIEWER));
        System.out.printf(Locale.ROOT, "[bench] loaded %,d enterprises and %,d applications in %.1f s%n",
                ENTERPRISES, APPLICATIONS, (System.nanoTime() - started) / 1e9);
    }

    /** A valid GB 32100 code for the i-th enterprise (the check character found by trying). */
    static String uscc(int i) {
        String prefix = String.format("91440100MA%07d", i);
        for (char check : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            if (UnifiedSocialCreditCode.isValid(prefix + check)) {
                return prefix + check;
            }
        }
        throw new IllegalStateException(prefix);
    }

    record Figures(String page, int requests, int errors, double seconds, long p50Micros, long p95Micros,
            double serverCpuSeconds) {

        double throughput() {
            return requests / seconds;
        }

        /** The Payara process's CPU time per request, in ms (-1 where the OS does not tell). */
        double cpuMillisPerRequest() {
            return serverCpuSeconds < 0 ? -1 : serverCpuSeconds * 1000 / Math.max(1, requests);
        }

        String line() {
            return String.format(Locale.ROOT, "| %-44s | %,9d | %6d | %8.1f | %7.1f | %7.1f | %17s |", page, requests,
                    errors, throughput(), p50Micros / 1000.0, p95Micros / 1000.0, serverCpuSeconds < 0 ? "n/a"
                            : String.format(Locale.ROOT, "%.2f", serverCpuSeconds * 1000 / Math.max(1, requests)));
        }
    }

    /** The Payara process the tests started (its command line names the test work folder), if this OS tells. */
    static Optional<ProcessHandle> server() {
        String work = Path.of(System.getProperty("xuke.work")).toAbsolutePath().toString();
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .filter(c -> c.contains("glassfish.jar") && c.contains(work)).isPresent()).findFirst();
    }

    static double cpuSeconds(Optional<ProcessHandle> server) {
        return server.flatMap(p -> p.info().totalCpuDuration()).map(d -> d.toNanos() / 1e9).orElse(-1.0);
    }

    @Test
    @Order(2)
    @RunAsClient
    void measure() throws Exception {
        List<PortalClient> enterprise = signIn("BENCHQY");
        List<PortalClient> officer = signIn("BENCHCS");
        String trivial = PortalClient.HTTPS + "/public/ping.xhtml";
        String list = PortalClient.HTTPS + "/enterprise/applications.xhtml?list=ALL";
        String queue = PortalClient.HTTPS + "/officer/applications.xhtml?stage=INITIAL";
        assertTrue(enterprise.get(0).get(list).body().contains("总共 500 条"), "the enterprise sees its 500");
        assertTrue(officer.get(0).get(queue).body().matches("(?s).*总共 100,?000 条.*"), "the queue holds 100,000");
        // every page is warmed up (JIT, caches) before any is measured
        phase(enterprise, trivial, "ok", WARM_UP_SECONDS, null, null);
        phase(enterprise, list, "applications_data", WARM_UP_SECONDS, null, null);
        phase(officer, queue, "applications_data", WARM_UP_SECONDS, null, null);
        List<Figures> figures = new ArrayList<>();
        figures.add(run("trivial Facelets page /public/ping.xhtml", enterprise, trivial, "ok"));
        figures.add(run("enterprise list (500 of 1M, page of 20)", enterprise, list, "applications_data"));
        figures.add(run("officer queue (100,000 pending, page of 20)", officer, queue, "applications_data"));
        figures.add(run("trivial Facelets page (again, after)", enterprise, trivial, "ok"));
        // where the time goes: the portal template with no data on it
        figures.add(run("enterprise home (portal template only)", enterprise,
                PortalClient.HTTPS + "/enterprise/index.xhtml", "xuke-menu"));
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%d clients, %d s warm-up, %d s measured per page, HTTPS with e-key, "
                + "1,000,000 applications / 2,000 enterprises", CLIENTS, WARM_UP_SECONDS, MEASURE_SECONDS));
        lines.add("| page                                         |  requests | errors |    req/s | p50 ms  | p95 ms  | Payara CPU ms/req |");
        lines.add("|----------------------------------------------|-----------|--------|----------|---------|---------|-------------------|");
        figures.forEach(f -> lines.add(f.line()));
        double baseline = (figures.get(0).throughput() + figures.get(3).throughput()) / 2;
        lines.add(String.format(Locale.ROOT, "list / trivial throughput: enterprise %.2f, officer %.2f",
                figures.get(1).throughput() / baseline, figures.get(2).throughput() / baseline));
        // issue 15's targets: each list's server CPU per request at most twice the portal template page's, p95 < 150 ms
        double template = figures.get(4).cpuMillisPerRequest();
        lines.add(String.format(Locale.ROOT, "list / portal template Payara CPU per request (target <= 2): "
                + "enterprise %.2f, officer %.2f", figures.get(1).cpuMillisPerRequest() / template,
                figures.get(2).cpuMillisPerRequest() / template));
        lines.add(String.format(Locale.ROOT, "p95 (target < 150 ms): enterprise %.1f ms, officer %.1f ms",
                figures.get(1).p95Micros() / 1000.0, figures.get(2).p95Micros() / 1000.0));
        lines.forEach(l -> System.out.println("[bench] " + l));
        // failsafe runs in the module folder: config/target/benchmark-lists.txt
        Path out = Path.of("target", "benchmark-lists.txt");
        Files.write(out, lines);
    }

    private static List<PortalClient> signIn(String username) throws Exception {
        List<PortalClient> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            PortalClient client = PortalClient.withEkey(Fixtures.ekey(username), Fixtures.EKEY_PASSWORD);
            client.login(username, PASSWORD);
            clients.add(client);
        }
        return clients;
    }

    private static Figures run(String name, List<PortalClient> clients, String url, String marker) throws Exception {
        phase(clients, url, marker, WARM_UP_SECONDS, null, null);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        Optional<ProcessHandle> server = server();
        double cpuBefore = cpuSeconds(server);
        String recording = flightRecording(server, name);
        long start = System.nanoTime();
        phase(clients, url, marker, MEASURE_SECONDS, latencies, errors);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = cpuBefore < 0 ? -1 : cpuSeconds(server) - cpuBefore;
        if (recording != null) {
            jcmd(server.get(), "JFR.stop", "name=" + recording);
            JfrLayers.breakdown(Path.of("target", "jfr", recording + ".jfr").toAbsolutePath())
                    .forEach(l -> System.out.println("[bench] " + l));
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Figures(name, sorted.size(), errors.get(), seconds, percentile(sorted, 50), percentile(sorted, 95),
                cpu);
    }

    /**
     * With {@code -Dbench.jfr=true}, a flight recording (profile settings) of the Payara process over
     * the measured seconds of each page, in {@code config/target/jfr/<page>.jfr}: where the CPU goes.
     */
    private static String flightRecording(Optional<ProcessHandle> server, String page) throws Exception {
        if (!Boolean.getBoolean("bench.jfr") || server.isEmpty()) {
            return null;
        }
        String name = page.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        Path dir = Path.of("target", "jfr").toAbsolutePath();
        Files.createDirectories(dir);
        jcmd(server.get(), "JFR.start", "name=" + name, "settings=profile", "filename=" + dir.resolve(name + ".jfr"));
        return name;
    }

    private static void jcmd(ProcessHandle server, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of("jcmd", String.valueOf(server.pid())));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + line + ": " + output);
        }
    }

    private static void phase(List<PortalClient> clients, String url, String marker, int seconds, List<Long> latencies,
            AtomicInteger errors) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<?>> running = new ArrayList<>();
        for (PortalClient client : clients) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    HttpResponse<String> response = client.get(url);
                    long micros = (System.nanoTime() - t) / 1000;
                    boolean ok = response.statusCode() == 200 && response.body().contains(marker);
                    if (latencies != null) {
                        if (ok) {
                            latencies.add(micros);
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
