/**
 * Identity-provider logs of the simulated organisation's people: the Okta System Log and Microsoft
 * Entra ID sign-ins that precede their AWS console and SSO sessions.
 */
package io.trailhound.simulate.identity;
