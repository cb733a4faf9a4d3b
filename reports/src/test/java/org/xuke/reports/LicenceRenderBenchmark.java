package org.xuke.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/**
 * Figures, not a test (runs only with {@code -Pbench}): the export licence rendered one PDF at a
 * time after warm-up, single-threaded and on two threads, with and without the PDF signature,
 * and a 1,000-licence batch streamed into one file, in the 256 MiB heap the profile gives.
 * Prints {@code [bench]} lines and writes target/benchmark-render.txt.
 */
class LicenceRenderBenchmark {

    private static final int COUNT = Integer.getInteger("bench.licences", 1000);
    private static final int WARMUP = Integer.getInteger("bench.warmupLicences", 300);

    @Test
    void renderLicences() throws Exception {
        List<String> lines = new ArrayList<>();
        TestDocuments.Signer signer = TestDocuments.signer();
        List<X509Certificate> chain = List.of(signer.certificate(), signer.root());
        for (int i = 0; i < WARMUP; i++) {
            PdfSignatures.sign(render(i), signer.keys().getPrivate(), chain, info(i));
        }
        lines.add(String.format(Locale.ROOT, "%d licences after %d warm-up; JVM %s, %d cores, max heap %d MiB",
                COUNT, WARMUP, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        lines.add("| run                                   |  ms/PDF p50 |  ms/PDF p95 |  PDFs/s | avg PDF KiB |");
        lines.add("|---------------------------------------|-------------|-------------|---------|-------------|");
        lines.add(run("1 thread, rendered", 1, COUNT, null, null));
        lines.add(run("1 thread, rendered + signed", 1, COUNT, signer.keys().getPrivate(), chain));
        lines.add(run("2 threads, rendered", 2, COUNT, null, null));
        lines.add(run("2 threads, rendered + signed", 2, COUNT, signer.keys().getPrivate(), chain));

        Path batch = Path.of("target", "benchmark-batch.pdf");
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(batch)) {
            ReportRenderer.pdfBatch("export-licence", COUNT, LicenceRenderBenchmark::data, out, n -> { });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        try (PDDocument document = Loader.loadPDF(batch.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(COUNT);
        }
        lines.add(String.format(Locale.ROOT, "batch of %d into one PDF (streamed): %.1f s, %.1f ms/licence, %.1f MiB, "
                + "peak heap (sum of pool peaks) %d MiB", COUNT, seconds, seconds * 1000 / COUNT,
                Files.size(batch) / 1048576.0, peak / (1024 * 1024)));
        Files.deleteIfExists(batch);
        lines.forEach(l -> System.out.println("[bench] " + l));
        Files.write(Path.of("target", "benchmark-render.txt"), lines);
    }

    private static String run(String label, int threads, int count, PrivateKey key, List<X509Certificate> chain)
            throws Exception {
        long[] millis = new long[count];
        long[] bytes = new long[count];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            futures.add(pool.submit(() -> {
                for (int i = first; i < count; i += threads) {
                    long s = System.nanoTime();
                    byte[] pdf = render(i);
                    if (key != null) {
                        pdf = PdfSignatures.sign(pdf, key, chain, info(i));
                    }
                    millis[i] = System.nanoTime() - s;
                    bytes[i] = pdf.length;
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(millis);
        return String.format(Locale.ROOT, "| %-37s | %11.1f | %11.1f | %7.1f | %11.1f |", label,
                millis[count / 2] / 1e6, millis[(int) (count * 0.95)] / 1e6, count / seconds,
                Arrays.stream(bytes).average().orElse(0) / 1024);
    }

    private static byte[] render(int i) {
        return ReportRenderer.pdf("export-licence", data(i));
    }

    private static final ReportData BASE = TestDocuments.licence("x");

    /** One licence's data: the common test licence with its own number and QR code (made per licence, as in service). */
    private static ReportData data(int i) {
        Map<String, Object> p = new HashMap<>(BASE.parameters());
        String number = String.format("26LN%06d", i + 1);
        p.put("licenceNumber", number);
        p.put("qr", QrCodes.jpeg(TestDocuments.VERIFY_URL.replace("26LN000123", number), 240));
        return new ReportData(p, BASE.rows());
    }

    private static PdfSignatures.SignerInfo info(int i) {
        return new PdfSignatures.SignerInfo("辽宁省商务厅", "沈阳", "licence " + i, Instant.now());
    }
}
