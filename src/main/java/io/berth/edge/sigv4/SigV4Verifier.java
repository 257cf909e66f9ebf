package io.berth.edge.sigv4;

import static io.berth.edge.sigv4.Failure.EXPIRED;
import static io.berth.edge.sigv4.Failure.INCOMPLETE_SIGNATURE;
import static io.berth.edge.sigv4.Failure.INVALID_SESSION_TOKEN;
import static io.berth.edge.sigv4.Failure.SIGNATURE_MISMATCH;
import static io.berth.edge.sigv4.Failure.UNKNOWN_ACCESS_KEY;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Verifies AWS Signature Version 4 (AWS4-HMAC-SHA256) on incoming requests, in the Authorization
 * header form and the presigned query form, with the canonicalisation of non-S3 services.
 * Thread-safe; one instance serves all requests.
 */
public final class SigV4Verifier {
    static final String SIGNATURE_MISMATCH_MESSAGE = "The request signature we calculated does not match the "
            + "signature you provided. Check your AWS Secret Access Key and signing method. "
            + "Consult the service documentation for details.";
    static final String INVALID_TOKEN_MESSAGE = "The security token included in the request is invalid.";
    private static final int SIGNING_KEY_CACHE_SIZE = 1024;

    private final SecretLookup secrets;
    private final InstantSource clock;
    private final Duration maxSkew;
    private final SigningKeyCache signingKeys = new SigningKeyCache(SIGNING_KEY_CACHE_SIZE);

    public SigV4Verifier(SecretLookup secrets, InstantSource clock, Duration maxSkew) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxSkew = Objects.requireNonNull(maxSkew, "maxSkew");
        if (maxSkew.isNegative()) {
            throw new IllegalArgumentException("maxSkew must not be negative: " + maxSkew);
        }
    }

    /**
     * Checks, in AWS's order: the signature parameters, the signing time, that host is signed, the
     * credential scope, the access key, the session token and finally the signature itself.
     */
    public VerifiedSignature verify(SignedRequest request) throws SigV4Exception {
        SignatureParameters parameters = AuthorizationParser.parse(request);
        checkTime(parameters);
        if (!parameters.signedHeaders().contains("host")) {
            throw new SigV4Exception(INCOMPLETE_SIGNATURE,
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        CredentialScope scope = CredentialScope.parse(parameters.credential(), parameters.amzDate());
        SigningSecret secret = scope.accessKeyId().isEmpty() ? null
                : secrets.find(scope.accessKeyId()).orElse(null);
        if (secret == null) {
            throw new SigV4Exception(UNKNOWN_ACCESS_KEY, INVALID_TOKEN_MESSAGE);
        }
        checkSessionToken(secret, parameters.securityToken());

        String stringToSign = stringToSign(parameters.amzDate(), scope,
                CanonicalRequest.build(request, parameters));
        byte[] signingKey = signingKeys.signingKey(secret.secretAccessKey(), scope.date(), scope.region(),
                scope.service());
        String expected = Crypto.hex(Crypto.hmac(signingKey, stringToSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                parameters.signature().getBytes(StandardCharsets.UTF_8))) {
            throw new SigV4Exception(SIGNATURE_MISMATCH, SIGNATURE_MISMATCH_MESSAGE);
        }
        return new VerifiedSignature(scope.accessKeyId(), scope.region(), scope.service(), parameters.signedAt(),
                secret.sessionToken());
    }

    /** The canonical request the signer must have built for this request. */
    static String canonicalRequest(SignedRequest request) {
        return CanonicalRequest.build(request, AuthorizationParser.parse(request));
    }

    /** The string the signer must have signed for this request. */
    static String stringToSign(SignedRequest request) {
        SignatureParameters parameters = AuthorizationParser.parse(request);
        CredentialScope scope = CredentialScope.parse(parameters.credential(), parameters.amzDate());
        return stringToSign(parameters.amzDate(), scope, CanonicalRequest.build(request, parameters));
    }

    static String stringToSign(String amzDate, CredentialScope scope, String canonicalRequest) {
        return AuthorizationParser.ALGORITHM + '\n' + amzDate + '\n' + scope.scope() + '\n'
                + Crypto.sha256Hex(canonicalRequest);
    }

    int cachedSigningKeys() {
        return signingKeys.size();
    }

    private void checkTime(SignatureParameters parameters) {
        Instant now = clock.instant();
        Instant signedAt = parameters.signedAt();
        Instant latest = now.plus(maxSkew);
        if (signedAt.isAfter(latest)) {
            throw new SigV4Exception(EXPIRED, "Signature not yet current: " + parameters.amzDate()
                    + " is still later than " + AmzDate.formatBasic(latest) + " (" + AmzDate.formatBasic(now)
                    + " + " + describe(maxSkew) + ".)");
        }
        if (parameters.expiresSeconds() >= 0) {
            if (now.isAfter(signedAt.plusSeconds(parameters.expiresSeconds()))) {
                throw new SigV4Exception(EXPIRED, "Request has expired");
            }
            return;
        }
        Instant earliest = now.minus(maxSkew);
        if (signedAt.isBefore(earliest)) {
            throw new SigV4Exception(EXPIRED, "Signature expired: " + parameters.amzDate() + " is now earlier than "
                    + AmzDate.formatBasic(earliest) + " (" + AmzDate.formatBasic(now) + " - " + describe(maxSkew)
                    + ".)");
        }
    }

    private static void checkSessionToken(SigningSecret secret, String presented) {
        String expected = secret.sessionToken();
        boolean tokenPresented = presented != null && !presented.isBlank();
        boolean valid = expected == null
                ? !tokenPresented
                : tokenPresented && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                        presented.strip().getBytes(StandardCharsets.UTF_8));
        if (!valid) {
            throw new SigV4Exception(INVALID_SESSION_TOKEN, INVALID_TOKEN_MESSAGE);
        }
    }

    private static String describe(Duration skew) {
        long seconds = skew.toSeconds();
        return seconds % 60 == 0 ? (seconds / 60) + " min" : seconds + " sec";
    }
}
