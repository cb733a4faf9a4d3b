package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The officer's catalogue import page over HTTP, as a browser posts it (multipart form with the
 * view state and PrimeFaces' CSP nonce): a bad file is refused line by line, a good one lands.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CatalogImportPageIT {

    private static final String PAGE = "http://127.0.0.1:8080/officer/catalog-import.xhtml";
    private static final String GOODS_HEADER = "seq,goods_zh,management,quota,issuing_level,source,confidence,notes\n";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(CatalogImportPageIT.class);
    }

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void badFileIsRefusedWithLineAndReasonAndNothingIsStored() throws Exception {
        String csv = GOODS_HEADER + "1,大米,licence,Y,特办,TEST,H,\n"
                + "2,,licence,Y,特办,TEST,H,\n"
                + "x,玉米,licence,Y,特办,TEST,H,\n";
        String result = upload("LICENSED_GOODS", "2033", "goods-2033.csv", csv);
        assertTrue(result.contains("文件有 2 处错误，未导入任何数据"), "refusal message");
        assertTrue(result.contains(">3</td>") && result.contains("必填列“goods_zh”为空"), "line 3 reason");
        assertTrue(result.contains(">4</td>") && result.contains("列“seq”的值“x”不是有效数字"), "line 4 reason");
        String list = get("http://127.0.0.1:8080/officer/catalog.xhtml?kind=licensed-goods&year=2033");
        assertTrue(list.contains("没有符合条件的记录"), "nothing stored for 2033");
    }

    @Test
    void goodFileReplacesTheChosenYear() throws Exception {
        String csv = GOODS_HEADER + "1,测试大米,licence,Y,特办,TEST,H,\n" + "2,测试玉米,licence,N,特办,TEST,M,\n";
        String result = upload("LICENSED_GOODS", "2034", "goods-2034.csv", csv);
        assertTrue(result.contains("导入成功：出口许可证管理货物目录 共 2 条记录"), "success message");
        assertTrue(result.contains("goods-2034.csv"), "listed among recent imports");
        String list = get("http://127.0.0.1:8080/officer/catalog.xhtml?kind=licensed-goods&year=2034");
        assertTrue(list.contains("测试大米") && list.contains("测试玉米") && list.contains("总共 2 条记录"));
    }

    @Test
    void submittingWithoutAFileAsksForOne() throws Exception {
        String result = upload("UNIT", "", null, null);
        assertTrue(result.contains("请选择要导入的 CSV 文件"));
    }

    private String upload(String kind, String year, String fileName, String content) throws Exception {
        String page = get(PAGE);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("import", "import");
        fields.put("import:kind_input", kind);
        fields.put("import:year_input", year);
        fields.put("import:year_hinput", year);
        fields.put("import:submit", "");
        fields.put("primefaces.nonce", find(page, "nonce=\"([^\"]+)\""));
        fields.put("jakarta.faces.ViewState", find(page, "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\""));

        String boundary = "----xuke" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var field : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"import:file_input\"; filename=\""
                + (fileName == null ? "" : fileName) + "\"\r\nContent-Type: "
                + (fileName == null ? "application/octet-stream" : "text/csv") + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        if (content != null) {
            body.write(content.getBytes(StandardCharsets.UTF_8));
        }
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(PAGE))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private String get(String url) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    private static String find(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        assertTrue(m.find(), "page has " + regex);
        return m.group(1);
    }
}
