package io.berth.edge.sigv4;

import static io.berth.edge.sigv4.Failure.INCOMPLETE_SIGNATURE;

/** The parts of a credential "AKID/yyyyMMdd/region/service/aws4_request", checked against the request date. */
record CredentialScope(String accessKeyId, String date, String region, String service) {
    static final String TERMINATOR = "aws4_request";

    static CredentialScope parse(String credential, String amzDate) {
        int slashes = 0;
        for (int i = 0; i < credential.length(); i++) {
            if (credential.charAt(i) == '/') {
                slashes++;
            }
        }
        if (slashes != 4) {
            throw new SigV4Exception(INCOMPLETE_SIGNATURE, "Credential must have exactly 5 slash-delimited elements, "
                    + "e.g. keyid/date/region/service/term, got '" + credential + "'");
        }
        String[] parts = new String[5];
        int start = 0;
        for (int i = 0; i < 4; i++) {
            int end = credential.indexOf('/', start);
            parts[i] = credential.substring(start, end);
            start = end + 1;
        }
        parts[4] = credential.substring(start);
        StringBuilder problems = new StringBuilder();
        if (parts[2].isEmpty()) {
            problems.append("Credential should be scoped to a valid region. ");
        }
        if (parts[3].isEmpty()) {
            problems.append("Credential should be scoped to correct service. ");
        }
        if (!TERMINATOR.equals(parts[4])) {
            problems.append("Credential should be scoped with a valid terminator: 'aws4_request', not '")
                    .append(parts[4]).append("'. ");
        }
        String day = amzDate.substring(0, 8);
        if (!parts[1].equals(day)) {
            problems.append("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '")
                    .append(parts[1]).append("' != '").append(day).append("', from '").append(amzDate).append("'.");
        }
        if (!problems.isEmpty()) {
            throw new SigV4Exception(INCOMPLETE_SIGNATURE, problems.toString().trim());
        }
        return new CredentialScope(parts[0], parts[1], parts[2], parts[3]);
    }

    /** The scope line of the string to sign. */
    String scope() {
        return date + '/' + region + '/' + service + '/' + TERMINATOR;
    }
}
