package io.berth.runtime.docker;

/** An image reference split the way the Docker pull API wants it: repository, and a tag or digest. */
record ImageName(String repository, String tagOrDigest) {

    static ImageName parse(String image) {
        int at = image.indexOf('@');
        if (at >= 0) {
            return new ImageName(image.substring(0, at), image.substring(at + 1));
        }
        int colon = image.lastIndexOf(':');
        if (colon > image.lastIndexOf('/')) {
            return new ImageName(image.substring(0, colon), image.substring(colon + 1));
        }
        return new ImageName(image, "latest");
    }
}
