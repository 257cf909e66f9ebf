package io.berth.elb.dataplane;

/** What the data plane serves: HTTP/1.1 (application LBs) or raw TCP (network LBs). */
public enum Protocol { HTTP, TCP }
