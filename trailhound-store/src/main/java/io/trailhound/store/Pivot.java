package io.trailhound.store;

import java.util.Objects;

/** What to pivot on: the events of one actor, key, session, address or resource. */
public sealed interface Pivot {

  /** Events whose {@code userIdentity.arn} is {@code arn}. */
  record ActorArn(String arn) implements Pivot {
    public ActorArn {
      Objects.requireNonNull(arn, "arn");
    }
  }

  /** Events signed with the access key {@code id} (long-term or temporary). */
  record AccessKey(String id) implements Pivot {
    public AccessKey {
      Objects.requireNonNull(id, "id");
    }
  }

  /** Events of one role session: the issuing role and the session name. */
  record RoleSession(String issuerArn, String sessionName) implements Pivot {
    public RoleSession {
      Objects.requireNonNull(issuerArn, "issuerArn");
      Objects.requireNonNull(sessionName, "sessionName");
    }
  }

  /** Events from the caller address {@code ip}. */
  record SourceIp(String ip) implements Pivot {
    public SourceIp {
      Objects.requireNonNull(ip, "ip");
    }
  }

  /** Events naming the resource {@code arn}. */
  record ResourceArn(String arn) implements Pivot {
    public ResourceArn {
      Objects.requireNonNull(arn, "arn");
    }
  }
}
