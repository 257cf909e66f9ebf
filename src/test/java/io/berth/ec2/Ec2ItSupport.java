package io.berth.ec2;

import io.berth.TestBerth;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** EC2 clients of the AWS SDK for Java v2 pointed at a test Berth, and assertions on EC2's errors. */
final class Ec2ItSupport {

    private Ec2ItSupport() {
    }

    static Ec2Client ec2(TestBerth berth, String region) {
        return berth.ec2(region);
    }

    /** The call fails with EC2's HTTP 400, error code and message. */
    static void assertEc2Error(ThrowingCallable call, String code, String message) {
        Ec2Exception error = catchThrowableOfType(Ec2Exception.class, call);
        assertThat(error).as("expected %s", code).isNotNull();
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(message);
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.requestId()).isNotBlank();
    }
}
