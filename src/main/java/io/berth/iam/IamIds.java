package io.berth.iam;

import java.security.SecureRandom;

/**
 * The identifiers IAM makes: unique ids such as AIDA… (users), AROA… (roles), AGPA… (groups),
 * ANPA… (policies), all 21 characters; access key ids AKIA + 16; 40-character secrets.
 * Injected so tests can fix them.
 */
public interface IamIds {

    String uniqueId(String prefix);

    String accessKeyId();

    String secretAccessKey();

    static IamIds random() {
        SecureRandom random = new SecureRandom();
        // IAM's ids use the base32 alphabet: upper-case letters and the digits 2-7.
        String idAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String secretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        return new IamIds() {
            @Override
            public String uniqueId(String prefix) {
                return prefix + draw(idAlphabet, 21 - prefix.length());
            }

            @Override
            public String accessKeyId() {
                return "AKIA" + draw(idAlphabet, 16);
            }

            @Override
            public String secretAccessKey() {
                return draw(secretAlphabet, 40);
            }

            private String draw(String alphabet, int length) {
                StringBuilder out = new StringBuilder(length);
                for (int i = 0; i < length; i++) {
                    out.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                return out.toString();
            }
        };
    }
}
