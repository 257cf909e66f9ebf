package io.berth.edge;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Malformed API requests of every kind, generated from a seed, and a raw HTTP/1.1 client that sends
 * exactly their bytes: broken, deeply nested and mistyped JSON, broken form encoding, huge and
 * truncated bodies, invalid UTF-8, odd methods, paths and content types, bad or forged signatures.
 * Most are signed correctly over their malformed bytes, so they pass authentication and reach the
 * codecs. Shared by {@code HostileInputIT} and {@code bench/run fuzz}.
 */
public final class HostileRequests {

    /** The protocol family a request was built for, which says what shape its error must have. */
    public enum Family { JSON, QUERY, EC2 }

    /**
     * One request as bytes on the wire. {@code halfClosed}: the client closes its side once the bytes
     * are sent (a body cut short of its declared length, a refused head), as a client that died
     * mid-request would, so the server reads an end rather than waiting out its idle timeout.
     */
    public record Wire(String kind, Family family, boolean signed, byte[] bytes, boolean halfClosed) {
    }

    /** What came back: the status (-1 when the connection closed with no answer), the content type, the body. */
    public record Answer(int status, String contentType, byte[] body) {
        public boolean dropped() {
            return status < 0;
        }
    }

    private record Api(String service, Family family, String prefix, String version, List<String> operations,
                       List<String> members) {
    }

    private static final List<Api> APIS = List.of(
            new Api("ecs", Family.JSON, "AmazonEC2ContainerServiceV20141113.", null,
                    List.of("ListClusters", "DescribeClusters", "CreateCluster", "DescribeTaskDefinition",
                            "RegisterTaskDefinition", "ListTasks", "DescribeTasks", "TagResource", "PutAccountSetting"),
                    List.of("clusterName", "clusters", "cluster", "taskDefinition", "family", "containerDefinitions",
                            "maxResults", "nextToken", "include", "tags", "resourceArn", "cpu", "memory", "name",
                            "value", "settings", "capacityProviders")),
            new Api("logs", Family.JSON, "Logs_20140328.", null,
                    List.of("DescribeLogGroups", "CreateLogGroup", "PutLogEvents", "GetLogEvents", "FilterLogEvents",
                            "DescribeLogStreams", "PutRetentionPolicy"),
                    List.of("logGroupName", "logStreamName", "logEvents", "limit", "startTime", "endTime",
                            "nextToken", "retentionInDays", "tags", "logGroupNamePrefix", "startFromHead")),
            new Api("iam", Family.QUERY, null, "2010-05-08",
                    List.of("ListUsers", "GetUser", "CreateUser", "ListRoles", "CreateRole", "PutUserPolicy",
                            "ListAttachedRolePolicies", "TagUser", "CreatePolicy"),
                    List.of("UserName", "RoleName", "Path", "MaxItems", "Marker", "AssumeRolePolicyDocument",
                            "PolicyDocument", "PolicyName", "Tags.member.1.Key", "Tags.member.1.Value",
                            "PathPrefix", "MaxSessionDuration")),
            new Api("sts", Family.QUERY, null, "2011-06-15",
                    List.of("GetCallerIdentity", "AssumeRole", "GetSessionToken"),
                    List.of("RoleArn", "RoleSessionName", "DurationSeconds", "Policy", "ExternalId",
                            "PolicyArns.member.1.arn", "Tags.member.1.Key")),
            new Api("ec2", Family.EC2, null, "2016-11-15",
                    List.of("DescribeVpcs", "DescribeSubnets", "DescribeSecurityGroups", "CreateTags",
                            "DescribeNetworkInterfaces", "DeleteVpc", "DescribeRouteTables",
                            "AuthorizeSecurityGroupIngress"),
                    List.of("VpcId", "VpcId.1", "SubnetId.1", "GroupId", "GroupId.1", "Filter.1.Name",
                            "Filter.1.Value.1", "MaxResults", "NextToken", "ResourceId.1", "Tag.1.Key", "Tag.1.Value",
                            "IpPermissions.1.FromPort", "IpPermissions.1.IpProtocol", "DryRun")));

    private static final String[] METHODS = {"GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FOO"};
    private static final String[] PATHS = {"/", "/%ZZ", "/../../etc/passwd", "/_berth", "/_berth/health/x",
            "/v2/", "/v2/credentials/%00", "/a//b", "/" + "x".repeat(4000), "/?Action=ListUsers", "/%C0%AF"};
    private static final String[] CONTENT_TYPES = {null, "", "text/plain", "application/json",
            "application/x-amz-json-1.0", "application/xml", "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded; charset=latin1", "application/x-amz-json-1.1; charset=\u00ff",
            "application/x-www-form-urlencoded"};
    private static final int HUGE = 3 * 1024 * 1024;

    private final URI endpoint;
    private final String host;
    private final String accessKeyId;
    private final String secretAccessKey;
    private final String region;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public HostileRequests(URI endpoint, String accessKeyId, String secretAccessKey, String region) {
        this.endpoint = endpoint;
        this.host = endpoint.getHost() + ":" + endpoint.getPort();
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.region = region;
    }

    /** The request of this seed: the same seed always makes the same bytes (but for the signing time). */
    public Wire generate(long seed) {
        Random random = new Random(seed);
        if (random.nextInt(12) == 0) {
            return malformedHttp(random);
        }
        Api api = APIS.get(random.nextInt(APIS.size()));
        String operation = api.operations().get(random.nextInt(api.operations().size()));
        String method = "POST";
        String path = "/";
        String query = null;
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] body;
        String kind;
        if (api.family() == Family.JSON) {
            headers.put("Content-Type", "application/x-amz-json-1.1");
            headers.put("X-Amz-Target", api.prefix() + operation);
            int which = random.nextInt(10);
            kind = "json:" + which;
            body = jsonBody(which, api, random);
        } else {
            headers.put("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
            int which = random.nextInt(9);
            kind = "query:" + which;
            body = formBody(which, api, operation, random);
        }
        // A share of requests is odd at the HTTP level as well.
        int http = random.nextInt(12);
        switch (http) {
            case 0 -> method = METHODS[random.nextInt(METHODS.length)];
            case 1 -> path = PATHS[random.nextInt(PATHS.length)];
            case 2 -> {
                String type = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
                if (type == null) {
                    headers.remove("Content-Type");
                } else {
                    headers.put("Content-Type", type);
                }
            }
            case 3 -> {
                // The form in the query string of a GET, as the Query protocol allows.
                if (api.family() != Family.JSON) {
                    method = "GET";
                    query = new String(body, StandardCharsets.ISO_8859_1).replace(" ", "%20").replace("\n", "%0A");
                    body = new byte[0];
                    headers.remove("Content-Type");
                } else {
                    headers.put("X-Amz-Target", mangle(api.prefix() + operation, random));
                }
            }
            default -> {
            }
        }
        if (http > 0) {
            kind += "+http:" + http;
        }
        boolean truncated = random.nextInt(40) == 0 && body.length > 0;
        int auth = random.nextInt(10);
        String signingName = api.service();
        String signingRegion = region;
        String secret = secretAccessKey;
        if (auth == 1) {
            signingName = APIS.get(random.nextInt(APIS.size())).service();
            signingRegion = random.nextBoolean() ? "mars-north-1" : "";
        } else if (auth == 2) {
            secret = "not-the-secret";
        }
        byte[] bytes;
        boolean signed = auth <= 6;
        if (signed) {
            bytes = signedWire(method, path, query, headers, body, signingName, signingRegion, secret, random,
                    auth == 3);
        } else {
            if (auth == 7) {
                headers.put("Authorization", garbageAuthorization(random));
                headers.put("X-Amz-Date", random.nextBoolean() ? "20260101T000000Z" : "yesterday");
            }
            bytes = wire(method, path, query, headers, body);
        }
        kind += "+auth:" + auth + (truncated ? "+truncated" : "");
        if (truncated) {
            bytes = Arrays.copyOf(bytes, bytes.length - Math.max(1, body.length / 2));
        }
        return new Wire(kind, api.family(), auth == 0 || auth >= 4 && auth <= 6, bytes, truncated);
    }

    /** A POST to / with these headers and body, signed correctly for the service. */
    public Wire signedPost(String service, Family family, Map<String, String> headers, byte[] body) {
        return new Wire("signed:" + service, family, true, signedWire("POST", "/", null, new LinkedHashMap<>(headers),
                body, service, region, secretAccessKey, new Random(0), false), false);
    }

    /**
     * A request the HTTP server itself must refuse: a broken request line, header or chunking, a
     * URI or header section past the server's limits, conflicting or unknown framing. Each ends
     * its head, and the client then half-closes, so that the server has something to answer.
     */
    private Wire malformedHttp(Random random) {
        String hostLine = "Host: " + host + "\r\n";
        String[] requests = {
                "GET /\u0000 HTTP/1.1\r\n" + hostLine + "\r\n",
                "GET / HTTP/1.1\r\n" + hostLine + "Bad Header\r\n\r\n",
                "GET / HTTP/1.1\r\n" + hostLine + " folded: value\r\n\r\n",
                "GET /" + "x".repeat(70_000) + " HTTP/1.1\r\n" + hostLine + "\r\n",
                "GET / HTTP/1.1\r\n" + hostLine + "X-Big: " + "x".repeat(70_000) + "\r\n\r\n",
                "POST / HTTP/1.1\r\n" + hostLine + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
                "POST / HTTP/1.1\r\n" + hostLine + "Transfer-Encoding: chunked\r\n\r\n5\r\nabc",
                "POST / HTTP/1.1\r\n" + hostLine + "Transfer-Encoding: gzip\r\n\r\nabc",
                "POST / HTTP/1.1\r\n" + hostLine + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
                "POST / HTTP/1.1\r\n" + hostLine + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
                "POST / HTTP/1.1\r\n" + hostLine + "Content-Length: -1\r\n\r\n",
                "POST / HTTP/1.1\r\n" + hostLine + "Content-Length: 99999999999999999999\r\n\r\n",
                "GET / HTTP/9.9\r\n" + hostLine + "\r\n",
                "GET / HTTP/1.1\r\n\r\n",
                "\u00ff\u00fe GARBAGE\r\n\r\n",
                "GET\r\n\r\n",
                "POST / HTTP/1.1\r\n" + hostLine + "Content-Type: application/x-amz-json-1.1\r\n"
                        + "X-Amz-Target: Logs_20140328.DescribeLogGroups\r\nContent-Length: 10\r\n\r\n{}",
        };
        int which = random.nextInt(requests.length);
        return new Wire("http:" + which, Family.JSON, false, requests[which].getBytes(StandardCharsets.ISO_8859_1),
                true);
    }

    private static byte[] jsonBody(int which, Api api, Random random) {
        String member = api.members().get(random.nextInt(api.members().size()));
        return switch (which) {
            case 0 -> randomBytes(random, random.nextInt(200));
            case 1 -> ascii(new String[]{"null", "[]", "\"s\"", "1", "true", "{}x", "{}{}", "[{}]", " ", "{",
                    "{\"" + member + "\"", "{\"" + member + "\":}"}[random.nextInt(12)]);
            case 2 -> nested(random.nextBoolean() ? "[" : "{\"" + member + "\":", random.nextInt(5) == 0 ? 200_000
                    : 200 + random.nextInt(3000));
            case 3 -> ascii("{\"" + member + "\":" + randomJson(random, 3) + "}");
            case 4 -> {
                byte[] whole = ascii("{\"" + member + "\":" + randomJson(random, 3) + ",\"a\":\"b\"}");
                yield Arrays.copyOf(whole, random.nextInt(whole.length));
            }
            case 5 -> ascii("{\"" + member + "\":\"" + "x".repeat(HUGE) + "\"}");
            case 6 -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(ascii("{\"" + member + "\":\""));
                out.writeBytes(new byte[]{(byte) 0xC0, (byte) 0xAF, (byte) 0xFF, (byte) 0xED, (byte) 0xA0,
                        (byte) 0x80, (byte) 0xF8});
                out.writeBytes(ascii("\"}"));
                yield out.toByteArray();
            }
            case 7 -> ascii("{\"" + member + "\":1,\"" + member + "\":[null,{}],\"\\u0000\":\"\\ud800\"}");
            case 8 -> ascii("{\"" + member + "\":" + new String[]{"1e400", "-0", "99999999999999999999999",
                    "1.5", "-1", "NaN", "\"2026-13-45\"", "[null]", "{\"x\":null}", "2147483648"}[random.nextInt(10)] + "}");
            default -> {
                StringBuilder json = new StringBuilder("{");
                int members = 1 + random.nextInt(6);
                for (int i = 0; i < members; i++) {
                    json.append(i == 0 ? "" : ",").append('"')
                            .append(api.members().get(random.nextInt(api.members().size()))).append("\":")
                            .append(randomJson(random, 4));
                }
                yield ascii(json.append('}').toString());
            }
        };
    }

    private static byte[] formBody(int which, Api api, String operation, Random random) {
        String member = api.members().get(random.nextInt(api.members().size()));
        String base = "Action=" + operation + "&Version=" + api.version();
        return switch (which) {
            case 0 -> ascii(new String[]{"Action=%ZZ&Version=" + api.version(), base + "&" + member + "=%",
                    base + "&" + member + "=%4", "%=%&" + base, base + "&" + member + "=%%41"}[random.nextInt(5)]);
            case 1 -> ascii(new String[]{"Version=" + api.version(), "Action=&Version=" + api.version(),
                    "Action=LaunchRockets&Version=" + api.version(), "Action=" + operation,
                    "Action=" + operation + "&Version=1999-01-01", "", "&&&", "===", "Action",
                    "action=" + operation.toLowerCase(Locale.ROOT) + "&Version=" + api.version()}[random.nextInt(10)]);
            case 2 -> ascii(base + "&" + member + "=%FF%FE%C0%AF%ED%A0%80");
            case 3 -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(ascii(base + "&" + member + "="));
                out.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xC3, 0x28, 0x00, 0x0A});
                yield out.toByteArray();
            }
            case 4 -> ascii(base + "&" + member + "=" + new String[]{"abc", "-1", "99999999999999999999", "1.5",
                    "", "true", "%00", "2147483648", "-2147483649", "NaN"}[random.nextInt(10)]);
            case 5 -> ascii(base + "&" + new String[]{"Filter.99999999999.Name=vpc-id",
                    "Filter.-1.Name=x", "Filter.0.Value.1=x", "Filter.1.Value.99999999999=x", "Tags.member.0.Key=k",
                    "Tags.member.1000000.Key=k", "Tags.member.x.Key=k", "VpcId.2147483648=vpc-1",
                    "IpPermissions.1.IpRanges.99999.CidrIp=10.0.0.0/8", "PolicyArns.member.-5.arn=x",
                    "Filter.1.Name=&Filter.1.Value.1=", "Tag.1.Value=v"}[random.nextInt(12)]);
            case 6 -> ascii(base + "&" + member + "=" + (random.nextBoolean() ? "x" : "*x").repeat(HUGE / 2));
            case 7 -> ascii(base + "&" + member + "=" + urlEncode(randomJson(random, 4)) + "&" + member + "=twice");
            default -> {
                StringBuilder form = new StringBuilder(base);
                int members = 1 + random.nextInt(6);
                for (int i = 0; i < members; i++) {
                    form.append('&').append(api.members().get(random.nextInt(api.members().size()))).append('=')
                            .append(urlEncode(randomText(random)));
                }
                yield ascii(form.toString());
            }
        };
    }

    private static String randomJson(Random random, int depth) {
        int which = random.nextInt(depth <= 0 ? 6 : 9);
        return switch (which) {
            case 0 -> "null";
            case 1 -> Long.toString(random.nextLong() >> random.nextInt(64));
            case 2 -> random.nextBoolean() ? "true" : "false";
            case 3 -> Double.toString(random.nextGaussian() * 1e6);
            case 4, 5 -> jsonString(randomText(random));
            case 6 -> {
                StringBuilder list = new StringBuilder("[");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    list.append(i == 0 ? "" : ",").append(randomJson(random, depth - 1));
                }
                yield list.append(']').toString();
            }
            default -> {
                StringBuilder object = new StringBuilder("{");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    object.append(i == 0 ? "" : ",").append(jsonString(new String[]{"name", "value", "key", "image",
                            "essential", "portMappings", "cpu", "memory", "timestamp", "message", ""}[random.nextInt(11)]))
                            .append(':').append(randomJson(random, depth - 1));
                }
                yield object.append('}').toString();
            }
        };
    }

    private static String randomText(Random random) {
        String[] samples = {"", " ", "a", "arn:aws:iam::000000000000:role/x", "arn:", "::::", "vpc-", "vpc-12345678",
                "sg-zzz", "10.0.0.0/33", "*", "%", "\u0000", "\u00e9\u4e2d\ud83d\ude00", "\ud800", "<x>&amp;</x>",
                "../..", "'; DROP TABLE x; --", "x".repeat(300), "-1", "0", "1e9", "true", "null"};
        return samples[random.nextInt(samples.length)];
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String urlEncode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String mangle(String target, Random random) {
        return new String[]{"", ".", target + ".", target.toLowerCase(Locale.ROOT), "Foo." + target,
                target.substring(0, target.indexOf('.') + 1), "." + target.substring(target.indexOf('.') + 1),
                target + "\u00ff", "AmazonEC2ContainerServiceV20141113.CreateUser"}[random.nextInt(9)];
    }

    private static String garbageAuthorization(Random random) {
        return new String[]{"AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256 Credential=", "Basic Zm9vOmJhcg==",
                "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/ecs/aws4_request, "
                        + "SignedHeaders=host, Signature=00",
                "AWS4-HMAC-SHA256 Credential=a/b/c/d/e/f/g, SignedHeaders=;;;, Signature=",
                "AWS4-HMAC-SHA256 Credential=\u00ff/x, SignedHeaders=host,,, Signature=zz",
                "x".repeat(8000)}[random.nextInt(7)];
    }

    private static byte[] nested(String open, int depth) {
        return ascii(open.repeat(depth));
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] signedWire(String method, String path, String query, Map<String, String> headers, byte[] body,
                              String service, String signingRegion, String secret, Random random, boolean forge) {
        SdkHttpRequest signed;
        try {
            SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                    .method(SdkHttpMethod.fromValue(method.equals("FOO") || method.equals("TRACE") ? "POST" : method))
                    .uri(URI.create(endpoint.getScheme() + "://" + host + safePath(path)
                            + (query == null ? "" : "?" + query)));
            headers.forEach(request::putHeader);
            signed = signer.sign(r -> r
                    .identity(AwsCredentialsIdentity.create(accessKeyId, secret))
                    .request(request.build())
                    .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, signingRegion.isEmpty() ? "x" : signingRegion)).request();
        } catch (RuntimeException e) {
            // A path or query the SDK refuses to build or sign (a broken escape) goes out unsigned instead.
            return wire(method, path, query, headers, body);
        }
        Map<String, String> out = new LinkedHashMap<>();
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                out.put(name, String.join(",", values));
            }
        });
        if (forge) {
            String authorization = out.get("Authorization");
            int at = authorization.length() - 1 - random.nextInt(64);
            char flipped = authorization.charAt(at) == '0' ? '1' : '0';
            out.put("Authorization", authorization.substring(0, at) + flipped + authorization.substring(at + 1));
        }
        return wire(method, path, query, out, body);
    }

    /** The path the SDK may sign; an invalid one is signed as "/" and sent as it is. */
    private static String safePath(String path) {
        return path.contains("%ZZ") || path.contains("?") || path.contains("..") || path.contains("//") ? "/" : path;
    }

    private byte[] wire(String method, String path, String query, Map<String, String> headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 1024);
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(path).append(query == null ? "" : "?" + query).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(host).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append("Connection: close\r\n\r\n");
        // Header values go out as UTF-8 bytes, as SDKs send them.
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** Sends the request on a fresh connection and reads the whole answer (Connection: close ends it). */
    public Answer send(Wire request, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.bytes());
                out.flush();
                if (request.halfClosed()) {
                    socket.shutdownOutput();
                }
            } catch (IOException e) {
                // The server may answer and close before reading a huge body; read what it said.
            }
            InputStream in = socket.getInputStream();
            byte[] raw;
            try {
                raw = in.readAllBytes();
            } catch (SocketTimeoutException e) {
                throw new IOException("no answer within " + timeoutMillis + " ms", e);
            } catch (IOException e) {
                raw = new byte[0];
            }
            return parse(raw);
        }
    }

    /**
     * What is wrong with this answer to this request, or null: a dropped connection (a body cut
     * short included: it is answered IncompleteBody), a status of 500 or more, or an error body
     * that is not an AWS error shape (that of its protocol, or the edge's JSON 1.1 one for what
     * is refused before a protocol is known). A 2xx is fine (a mutation can still be a valid request).
     */
    public static String problem(Wire request, Answer answer) {
        if (answer.dropped()) {
            return "connection closed with no answer";
        }
        if (answer.status() >= 500) {
            return "status " + answer.status() + ": " + new String(answer.body(), StandardCharsets.UTF_8);
        }
        if (answer.status() < 400 || answer.body().length == 0) {
            return answer.status() >= 400 && !isHead(request) ? "error " + answer.status() + " without a body" : null;
        }
        String type = answer.contentType() == null ? "" : answer.contentType();
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        if (type.startsWith("application/x-amz-json-1.1")) {
            return body.matches("(?s)\\{\"__type\":\"[A-Za-z]+\"(,\"message\":\".*\")?}") ? null
                    : "not a JSON 1.1 error: " + body;
        }
        if (type.startsWith("text/xml")) {
            boolean query = body.matches("(?s)<\\?xml[^>]*\\?><ErrorResponse[^>]*><Error><Type>(Sender|Receiver)</Type>"
                    + "<Code>[A-Za-z.]+</Code>(<Message>.*</Message>)?</Error><RequestId>[-0-9a-f]+</RequestId></ErrorResponse>");
            boolean ec2 = body.matches("(?s)<\\?xml[^>]*\\?><Response><Errors><Error><Code>[A-Za-z.]+</Code>"
                    + "(<Message>.*</Message>)?</Error></Errors><RequestID>[-0-9a-f]+</RequestID></Response>");
            return query || ec2 ? null : "not a Query error: " + body;
        }
        return "error of content type '" + type + "': " + body;
    }

    private static boolean isHead(Wire request) {
        return request.bytes().length > 5 && new String(request.bytes(), 0, 5, StandardCharsets.US_ASCII).equals("HEAD ");
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || headEnd < 0) {
            return new Answer(-1, null, raw);
        }
        int status = Integer.parseInt(text.substring(9, 12));
        String contentType = null;
        List<String> lines = new ArrayList<>(List.of(text.substring(0, headEnd).split("\r\n")));
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(13).strip();
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body = Arrays.copyOfRange(raw, headEnd + 4, raw.length);
        return new Answer(status, contentType, chunked ? dechunk(body) : body);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = at;
            while (lineEnd + 1 < body.length && !(body[lineEnd] == '\r' && body[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String size = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
            int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            out.write(body, lineEnd + 2, Math.min(length, body.length - lineEnd - 2));
            at = lineEnd + 2 + length + 2;
        }
        return out.toByteArray();
    }
}
