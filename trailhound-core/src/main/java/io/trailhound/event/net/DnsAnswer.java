package io.trailhound.event.net;

/**
 * One answer of a resolver query.
 *
 * @param type record type ({@code A}, {@code CNAME}…)
 * @param rdata the answer data (an address for A / AAAA)
 */
public record DnsAnswer(String type, String rdata) {}
