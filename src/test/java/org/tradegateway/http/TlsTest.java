package org.tradegateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * HTTPS from a certificate and key given as PEM files through TRADE_TLS_CERT and TRADE_TLS_KEY: a client that trusts
 * that certificate (and only it) gets the same answers as over HTTP, which stays on. And connections that stop
 * sending are closed after the idle timeout (2 s here).
 */
@QuarkusTest
@TestProfile(TlsTest.WithCertificate.class)
class TlsTest {
    private static final Path DIR = Path.of("target", "tls-test").toAbsolutePath();

    @TestHTTPResource(value = "/", tls = true)
    URL https;
    @TestHTTPResource("/")
    URL http;

    /** A self-signed certificate for localhost, made for the run with the JDK's keytool, handed over as PEM. */
    public static class WithCertificate implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                makeCertificate();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return Map.of("TRADE_TLS_CERT", DIR.resolve("cert.pem").toString(),
                    "TRADE_TLS_KEY", DIR.resolve("key.pem").toString(), "TRADE_HTTP_IDLE_TIMEOUT", "2s");
        }
    }

    static void makeCertificate() throws Exception {
        Files.createDirectories(DIR);
        Path store = DIR.resolve("gateway.p12");
        Files.deleteIfExists(store);
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "gateway", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-keypass", "changeit").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        Files.writeString(DIR.resolve("key.pem"), pem("PRIVATE KEY",
                ks.getKey("gateway", "changeit".toCharArray()).getEncoded()));
        Files.writeString(DIR.resolve("cert.pem"), pem("CERTIFICATE", ks.getCertificate("gateway").getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static HttpClient trusting(Certificate certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        if (certificate != null) {
            trust.setCertificateEntry("gateway", certificate);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).build();
    }

    @Test
    void shouldServeTheApiOverHttpsWithTheGivenCertificateAndOverHttpAsBefore() throws Exception {
        assertEquals("https", https.getProtocol());
        Certificate ours;
        try (InputStream in = Files.newInputStream(DIR.resolve("cert.pem"))) {
            ours = java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        String path = "api/get?r=all&p=all&fmt=csv";
        HttpResponse<String> secure = trusting(ours).send(HttpRequest.newBuilder(URI.create(https + path)
                .resolve("/" + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, secure.statusCode());
        assertTrue(secure.body().startsWith("Classification,Year,Period"), secure.body());
        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.toString())
                .resolve("/" + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(secure.body(), plain.body());
        // a client that does not trust the certificate is refused by its own TLS check: the certificate is the one given
        assertThrows(javax.net.ssl.SSLHandshakeException.class, () -> trusting(null).send(HttpRequest.newBuilder(
                URI.create(https.toString()).resolve("/" + path)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void shouldCloseAConnectionThatSendsNothingAfterTheIdleTimeout() throws Exception {
        for (String start : new String[] {"", "GET /api/get?r=all HTTP/1.1\r\nHost: loc"}) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", http.getPort())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                long begun = System.nanoTime();
                int read;
                try {
                    read = socket.getInputStream().read();
                } catch (java.net.SocketException reset) {
                    read = -1;
                }
                long millis = (System.nanoTime() - begun) / 1_000_000;
                assertEquals(-1, read, "closed without an answer");
                assertTrue(millis >= 1_500 && millis < 6_000, "closed after " + millis + " ms");
            }
        }
    }
}
