package io.berth.iam;

/** The key pair and token of new temporary credentials, in the forms STS gives them. */
final class SessionKeys {

    private final IamIds ids;

    SessionKeys(IamIds ids) {
        this.ids = ids;
    }

    /** Temporary access key ids start with ASIA. */
    String accessKeyId() {
        return "ASIA" + ids.accessKeyId().substring(4);
    }

    String secretAccessKey() {
        return ids.secretAccessKey();
    }

    String sessionToken() {
        StringBuilder token = new StringBuilder("IQoJb3JpZ2luX2VjE");
        for (int i = 0; i < 5; i++) {
            token.append(ids.secretAccessKey());
        }
        return token.toString();
    }
}
