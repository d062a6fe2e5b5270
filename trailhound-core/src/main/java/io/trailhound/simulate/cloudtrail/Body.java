package io.trailhound.simulate.cloudtrail;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes the fields of one JSON object (without the braces) straight to a generator. */
@FunctionalInterface
public interface Body {

  /** Writes this object's fields; the caller has written the start of the object. */
  void fields(JsonGenerator g) throws IOException;
}
