package io.berth.edge;

/** The wire protocols the edge recognises, and how each names its authentication and routing errors. */
enum Protocol {
    JSON("MissingAuthenticationTokenException", "IncompleteSignatureException", "UnrecognizedClientException",
            "InvalidSignatureException", "UnknownOperationException", "AccessDeniedException", 400),
    QUERY("MissingAuthenticationToken", "IncompleteSignature", "InvalidClientTokenId",
            "SignatureDoesNotMatch", "InvalidAction", "AccessDenied", 403);

    final String missingToken;
    final String incompleteSignature;
    final String unknownKey;
    final String badSignature;
    final String unknownOperation;
    final String accessDenied;
    final int authStatus;

    Protocol(String missingToken, String incompleteSignature, String unknownKey, String badSignature,
             String unknownOperation, String accessDenied, int authStatus) {
        this.missingToken = missingToken;
        this.incompleteSignature = incompleteSignature;
        this.unknownKey = unknownKey;
        this.badSignature = badSignature;
        this.unknownOperation = unknownOperation;
        this.accessDenied = accessDenied;
        this.authStatus = authStatus;
    }
}
