package clinic.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the demo mail server's messages through GreenMail's web API and makes them readable: the plain text of each
 * message (quoted-printable and base64 decoded) and the links in it. Used by {@code ./clinic mail} and the system
 * tests. Plain JDK only, so the launcher keeps its few dependencies.
 */
public final class Mailbox {

    /**
     * One message: whom it was sent to, its subject and date, its text and the links in that text, and its top-level
     * headers by lower-case name (e.g. {@code list-unsubscribe}, {@code message-id}).
     */
    public record Mail(
            long uid,
            String to,
            String subject,
            String date,
            String text,
            List<String> links,
            Map<String, String> headers) {

        /** A top-level header (name in any case), RFC 2047 words decoded; empty when the message has none. */
        public String header(String name) {
            return decodeWords(headers.getOrDefault(name.toLowerCase(Locale.ROOT), ""));
        }
    }

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([bBqQ])\\?([^?]*)\\?=");

    private final String apiUrl;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** @param apiUrl GreenMail's web API, e.g. {@code http://localhost:8025} */
    public Mailbox(String apiUrl) {
        this.apiUrl = apiUrl.replaceAll("/+$", "");
    }

    /** Every address that has received mail. */
    public List<String> addresses() throws IOException {
        List<String> out = new ArrayList<>();
        for (Object user : (List<?>) Json.parse(get("/api/user"))) {
            Map<?, ?> u = (Map<?, ?>) user;
            Object email = u.get("email") != null ? u.get("email") : u.get("login");
            if (email != null) {
                out.add(email.toString());
            }
        }
        return out;
    }

    /** The messages sent to this address, oldest first; none if it has received nothing. */
    public List<Mail> messages(String address) throws IOException {
        String body = get("/api/user/"
                + URLEncoder.encode(address, StandardCharsets.UTF_8).replace("+", "%20") + "/messages/INBOX");
        if (body == null) {
            return List.of();
        }
        List<Mail> out = new ArrayList<>();
        for (Object item : (List<?>) Json.parse(body)) {
            Map<?, ?> m = (Map<?, ?>) item;
            // GreenMail sends the uid as a string; the order of the list is the order of arrival either way.
            long uid = out.size();
            try {
                uid = Long.parseLong(String.valueOf(m.get("uid")));
            } catch (NumberFormatException notANumber) {
                // keep the position
            }
            out.add(parse(uid, String.valueOf(m.get("mimeMessage"))));
        }
        return out;
    }

    private String get(String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 400 || response.statusCode() == 404) {
                // GreenMail answers so for an address that has no mailbox yet.
                return null;
            }
            if (response.statusCode() != 200) {
                throw new IOException("the mail server answered " + response.statusCode() + " for " + path);
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** A raw MIME message made readable. */
    static Mail parse(long uid, String mime) {
        Part message = Part.of(mime);
        String text = message.text();
        LinkedHashSet<String> links = new LinkedHashSet<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            links.add(m.group().replace("&amp;", "&").replaceAll("[.,;)]+$", ""));
        }
        return new Mail(
                uid,
                decodeWords(message.header("to")),
                decodeWords(message.header("subject")),
                message.header("date"),
                text,
                List.copyOf(links),
                Map.copyOf(message.headers()));
    }

    /** A MIME entity: headers and a body, which for multipart/* holds further parts. */
    private record Part(Map<String, String> headers, String body) {

        static Part of(String raw) {
            String normal = raw.replace("\r\n", "\n");
            int split = normal.indexOf("\n\n");
            String head = split < 0 ? normal : normal.substring(0, split);
            String body = split < 0 ? "" : normal.substring(split + 2);
            Map<String, String> headers = new LinkedHashMap<>();
            String name = null;
            for (String line : head.split("\n")) {
                if (!line.isEmpty() && Character.isWhitespace(line.charAt(0)) && name != null) {
                    headers.merge(name, " " + line.strip(), String::concat);
                } else if (line.indexOf(':') > 0) {
                    name = line.substring(0, line.indexOf(':')).strip().toLowerCase(Locale.ROOT);
                    headers.putIfAbsent(
                            name, line.substring(line.indexOf(':') + 1).strip());
                }
            }
            return new Part(headers, body);
        }

        String header(String name) {
            return headers.getOrDefault(name, "");
        }

        /** The plain text of this entity: its text/plain part, else its HTML without tags. */
        String text() {
            String type = header("content-type").toLowerCase(Locale.ROOT);
            if (type.startsWith("multipart/")) {
                List<Part> parts = parts();
                for (Part p : parts) {
                    if (p.header("content-type").toLowerCase(Locale.ROOT).startsWith("text/plain")
                            || p.header("content-type").toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                        String t = p.text();
                        if (!t.isBlank()) {
                            return t;
                        }
                    }
                }
                return parts.isEmpty() ? "" : parts.get(0).text();
            }
            String decoded = decoded();
            if (type.startsWith("text/html")) {
                return decoded.replaceAll("(?s)<a [^>]*href=\"([^\"]*)\"[^>]*>", " $1 ")
                        .replaceAll("(?s)<[^>]+>", " ")
                        .replaceAll("[ \\t]+", " ");
            }
            return decoded;
        }

        private List<Part> parts() {
            Matcher b = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE)
                    .matcher(header("content-type"));
            if (!b.find()) {
                return List.of();
            }
            String delimiter = "--" + b.group(1);
            List<Part> parts = new ArrayList<>();
            String[] chunks = body.split(Pattern.quote(delimiter));
            for (int i = 1; i < chunks.length; i++) {
                String chunk = chunks[i];
                if (chunk.startsWith("--")) {
                    break;
                }
                parts.add(Part.of(chunk.startsWith("\n") ? chunk.substring(1) : chunk));
            }
            return parts;
        }

        private String decoded() {
            String encoding = header("content-transfer-encoding").toLowerCase(Locale.ROOT);
            Charset charset = charset(header("content-type"));
            if (encoding.contains("base64")) {
                return new String(Base64.getMimeDecoder().decode(body.strip()), charset);
            }
            if (encoding.contains("quoted-printable")) {
                return new String(quotedPrintable(body), charset);
            }
            return body;
        }
    }

    private static Charset charset(String contentType) {
        Matcher m = Pattern.compile("charset=\"?([^\";\\s]+)\"?", Pattern.CASE_INSENSITIVE)
                .matcher(contentType);
        try {
            return m.find() ? Charset.forName(m.group(1)) : StandardCharsets.UTF_8;
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    static byte[] quotedPrintable(String text) {
        String joined = text.replace("=\n", "");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length() && isHex(joined.charAt(i + 1)) && isHex(joined.charAt(i + 2))) {
                out.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** Decodes RFC 2047 encoded words (=?UTF-8?Q?...?=) in a header. */
    static String decodeWords(String header) {
        // Whitespace between two encoded words is not part of the text (RFC 2047, 6.2).
        Matcher m = ENCODED_WORD.matcher(header.replaceAll("\\?=\\s+=\\?", "?==?"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Charset charset = charset("charset=" + m.group(1));
            String value = m.group(3);
            String decoded = m.group(2).equalsIgnoreCase("B")
                    ? new String(Base64.getDecoder().decode(value), charset)
                    : new String(quotedPrintable(value.replace('_', ' ')), charset);
            m.appendReplacement(out, Matcher.quoteReplacement(decoded));
        }
        m.appendTail(out);
        return out.toString();
    }
}
