package io.trailhound.detect.network;

/**
 * A threat-intel hit.
 *
 * @param list the list's name (file name or feed)
 * @param kind what the entry says the indicator is
 * @param indicator the listed address, CIDR or domain that matched
 * @param confidence 0–100, as the list gives it (100 when it gives none)
 */
public record IntelMatch(String list, ThreatKind kind, String indicator, int confidence) {}
