package io.trailhound.event;

import java.util.List;

/**
 * Reads the values at a dotted field path ({@code userIdentity.sessionContext.sessionIssuer.arn}).
 *
 * <p>Semantics, shared by every implementation: each dot descends into an object member; an array
 * met on the way is transparent (the rest of the path applies to each element); at the end of the
 * path a scalar yields itself, an array yields each element (objects and arrays inside it as {@link
 * FieldValue.Container}), an empty array yields one {@code Container.ARRAY}, and an object yields
 * {@code Container.OBJECT}. An absent path yields an empty list.
 */
public interface FieldAccess {

  /** The values at {@code path}, in document order; empty when the path is absent. */
  List<FieldValue> values(String path);

  /** Calls {@code visitor} with every string and number value in the event (keyword searches). */
  void forEachText(java.util.function.Consumer<String> visitor);
}
