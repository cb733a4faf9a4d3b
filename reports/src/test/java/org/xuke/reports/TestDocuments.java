package org.xuke.reports;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Test data for the printed forms and a small certificate chain to sign them with. */
final class TestDocuments {

    static final String RARE_NAME = "沈阳𠮷堃喆昇镕进出口有限公司";
    static final String VERIFY_URL = "https://xuke.example.gov.cn/xuke/public/verify.xhtml?n=26LN000123&c=K7Q2M9XA";

    private TestDocuments() {
    }

    static ReportData licence(String number) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("copyLabel", "电子许可证");
        p.put("reprint", null);
        p.put("qr", QrCodes.jpeg(VERIFY_URL, 240));
        p.put("licenceNumber", number);
        p.put("exporterName", RARE_NAME);
        p.put("exporterCode", "2101020000001");
        p.put("exporterUscc", "91210102MA0XUKE04B");
        p.put("consignorName", RARE_NAME);
        p.put("consignorCode", "2101020000001");
        p.put("validityEnd", "2026-12-31");
        p.put("tradeMode", "0110 一般贸易");
        p.put("contractNumber", "HT2026-0001");
        p.put("port", "0800 沈阳关区");
        p.put("country", "410 韩国");
        p.put("paymentMethod", "信用证");
        p.put("transportMode", "2 水路运输");
        p.put("commodityName", "仲钨酸铵");
        p.put("commodityCode", "2841801000");
        p.put("totalQuantity", "1,500.000");
        p.put("currency", "USD 美元");
        p.put("grandTotal", "450,000.00");
        p.put("grandTotalUsd", "450,000.00");
        p.put("remarks", "非一批一证");
        p.put("verifyText", "核验：扫描二维码，或在 " + VERIFY_URL + " 输入许可证号与验证码 K7Q2M9XA");
        p.put("authorityName", "辽宁省商务厅");
        p.put("issueDate", "2026-11-29");
        p.put("sealStatement", "电子签章：辽宁省商务厅许可证专用章\n签署时间：2026-11-29 10:00:00\n证书序列号：1a2b3c");
        p.put("sealImage", SealImages.jpeg("辽宁省商务厅", "许可证专用章"));
        List<Map<String, ?>> lines = List.of(
                Map.of("spec", "APT 88.5%", "unit", "千克", "quantity", "1,000.000", "unitPrice", "300.00",
                        "amount", "300,000.00", "amountUsd", "300,000.00"),
                Map.of("spec", "APT 89%", "unit", "千克", "quantity", "500.000", "unitPrice", "300.00",
                        "amount", "150,000.00", "amountUsd", "150,000.00"));
        return new ReportData(p, lines);
    }

    /** A root and a signing certificate under it (ECDSA P-256), with the signer's key. */
    record Signer(KeyPair keys, X509Certificate certificate, X509Certificate root) {
    }

    static Signer signer() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair rootKeys = generator.generateKeyPair();
        KeyPair keys = generator.generateKeyPair();
        Instant now = Instant.now();
        X500Name rootName = new X500Name("CN=Test Root,O=xuke");
        X509Certificate root = certificate(rootName, rootKeys, rootName, rootKeys, now, true);
        X509Certificate leaf = certificate(new X500Name("CN=辽宁省商务厅许可证专用章,O=LN"), keys, rootName, rootKeys, now,
                false);
        return new Signer(keys, leaf, root);
    }

    private static X509Certificate certificate(X500Name subject, KeyPair subjectKeys, X500Name issuer,
            KeyPair issuerKeys, Instant now, boolean ca) throws Exception {
        var builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now.toEpochMilli() + (ca ? 0 : 1)),
                Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(now.plus(365, ChronoUnit.DAYS)), subject,
                subjectKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
                .addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                        : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }
}
