package io.berth.iam;

import io.berth.TestBerth;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One Berth per IAM integration test class, an IamClient of the AWS SDK for Java v2 on it, and
 * helpers. Per-class instances, since the integration test classes run concurrently.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IamItSupport {

    static final String ACCOUNT = TestBerth.ACCOUNT;
    static final String TRUST_EC2 = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    static final String ALLOW_LIST_BUCKET = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}""";
    static final String ADMIN_ARN = "arn:aws:iam::aws:policy/AdministratorAccess";
    static final String EXECUTION_ROLE_POLICY_ARN = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";

    private static final AtomicInteger NAMES = new AtomicInteger();

    TestBerth berth;
    IamClient iam;

    @BeforeAll
    void startBerth(@TempDir Path dataDir) {
        berth = TestBerth.start(dataDir);
        iam = berth.iam();
    }

    @AfterAll
    void stopBerth() {
        iam.close();
        berth.close();
    }

    /** A name no other test of the class uses. */
    static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    static String localPolicyArn(String path, String name) {
        return "arn:aws:iam::" + ACCOUNT + ":policy" + path + name;
    }

    String createPolicy(String name) {
        return iam.createPolicy(r -> r.policyName(name).policyDocument(ALLOW_LIST_BUCKET)).policy().arn();
    }

    static String decoded(String urlEncoded) {
        return URLDecoder.decode(urlEncoded, StandardCharsets.UTF_8);
    }

    /** A policy document of about {@code size} characters, whitespace not counted, with distinct actions. */
    static String policyOfSize(int size) {
        StringBuilder actions = new StringBuilder();
        int i = 0;
        String head = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[";
        String tail = "],\"Resource\":\"*\"}]}";
        while (head.length() + actions.length() + tail.length() < size) {
            actions.append(i == 0 ? "" : ",").append("\"s3:GetObjectNumber%05d\"".formatted(i++));
        }
        return head + actions + tail;
    }

    /** Asserts IAM's error: code, HTTP status and message (null: any message). */
    static void assertIamError(ThrowingCallable call, Class<? extends IamException> type, String code, int status,
                               String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(type, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(status);
            if (message != null) {
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
            }
        });
    }

    static void assertValidationError(ThrowingCallable call, String message) {
        assertIamError(call, IamException.class, "ValidationError", 400, message);
    }
}
