package io.trailhound.investigate;

import java.util.List;

/**
 * Who was behind a finding, with every identity they used and how each was linked.
 *
 * @param display the most specific name: the human (email, SAML subject) when known, else the
 *     principal
 * @param principal the principal ARN the activity ran as
 * @param root whether the root user is involved
 * @param identities every identity, in the order found
 * @param links the resolution chain, each with its evidence event
 */
public record ResolvedActor(
    String display, String principal, boolean root, List<Identity> identities, List<Link> links) {

  public ResolvedActor {
    identities = List.copyOf(identities);
    links = List.copyOf(links);
  }

  /** Values of the identities of one kind. */
  public List<String> values(String kind) {
    return identities.stream().filter(i -> i.kind().equals(kind)).map(Identity::value).toList();
  }
}
