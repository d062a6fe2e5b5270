package io.trailhound.simulate.identity;

/**
 * Where someone other than the person signs in from: address, browser, country and network.
 *
 * @param asNumber autonomous system number of the address
 * @param asOrg the organisation that announces it (a hosting provider, a VPN)
 */
public record Origin(String ip, String userAgent, String country, int asNumber, String asOrg) {}
