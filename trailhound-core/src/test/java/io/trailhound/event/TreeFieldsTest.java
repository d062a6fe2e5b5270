package io.trailhound.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TreeFieldsTest {

  private static TreeFields fields(String json) throws Exception {
    return new TreeFields(new ObjectMapper().readTree(json));
  }

  @Test
  void descends_dotted_paths_through_objects_and_arrays() throws Exception {
    TreeFields f =
        fields("{\"a\":{\"b\":[{\"c\":\"x\"},{\"c\":2},{\"d\":1}]},\"e\":null,\"f\":[],\"g\":{}}");
    assertThat(f.values("a.b.c"))
        .containsExactly(new FieldValue.Text("x"), new FieldValue.Num("2"));
    assertThat(f.values("e")).containsExactly(FieldValue.Null.INSTANCE);
    assertThat(f.values("f")).containsExactly(FieldValue.Container.ARRAY);
    assertThat(f.values("g")).containsExactly(FieldValue.Container.OBJECT);
    assertThat(f.values("missing")).isEmpty();
    assertThat(f.values("a.b.c.deeper")).isEmpty();
  }
}
