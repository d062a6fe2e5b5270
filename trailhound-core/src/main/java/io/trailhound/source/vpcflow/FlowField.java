package io.trailhound.source.vpcflow;

import java.util.HashMap;
import java.util.Map;

/** The fields a VPC flow log format can name, with the version that introduced each. */
public enum FlowField {
  VERSION("version", 2),
  ACCOUNT_ID("account-id", 2),
  INTERFACE_ID("interface-id", 2),
  SRCADDR("srcaddr", 2),
  DSTADDR("dstaddr", 2),
  SRCPORT("srcport", 2),
  DSTPORT("dstport", 2),
  PROTOCOL("protocol", 2),
  PACKETS("packets", 2),
  BYTES("bytes", 2),
  START("start", 2),
  END("end", 2),
  ACTION("action", 2),
  LOG_STATUS("log-status", 2),
  VPC_ID("vpc-id", 3),
  SUBNET_ID("subnet-id", 3),
  INSTANCE_ID("instance-id", 3),
  TCP_FLAGS("tcp-flags", 3),
  TYPE("type", 3),
  PKT_SRCADDR("pkt-srcaddr", 3),
  PKT_DSTADDR("pkt-dstaddr", 3),
  REGION("region", 4),
  AZ_ID("az-id", 4),
  SUBLOCATION_TYPE("sublocation-type", 4),
  SUBLOCATION_ID("sublocation-id", 4),
  PKT_SRC_AWS_SERVICE("pkt-src-aws-service", 5),
  PKT_DST_AWS_SERVICE("pkt-dst-aws-service", 5),
  FLOW_DIRECTION("flow-direction", 5),
  TRAFFIC_PATH("traffic-path", 5),
  ECS_CLUSTER_ARN("ecs-cluster-arn", 7),
  ECS_CLUSTER_NAME("ecs-cluster-name", 7),
  ECS_CONTAINER_INSTANCE_ARN("ecs-container-instance-arn", 7),
  ECS_CONTAINER_INSTANCE_ID("ecs-container-instance-id", 7),
  ECS_CONTAINER_ID("ecs-container-id", 7),
  ECS_SECOND_CONTAINER_ID("ecs-second-container-id", 7),
  ECS_SERVICE_NAME("ecs-service-name", 7),
  ECS_TASK_DEFINITION_ARN("ecs-task-definition-arn", 7),
  ECS_TASK_ARN("ecs-task-arn", 7),
  ECS_TASK_ID("ecs-task-id", 7),
  REJECT_REASON("reject-reason", 8),
  RESOURCE_ID("resource-id", 8),
  ENCRYPTION_STATUS("encryption-status", 8),
  /** A name this version of Trailhound does not know: the column is read past and ignored. */
  OTHER("", 0);

  private static final Map<String, FlowField> BY_NAME = new HashMap<>();

  static {
    for (FlowField f : values()) {
      if (f != OTHER) {
        BY_NAME.put(f.fieldName, f);
      }
    }
  }

  private final String fieldName;
  private final int version;

  FlowField(String fieldName, int version) {
    this.fieldName = fieldName;
    this.version = version;
  }

  /** The name used in headers and format strings. */
  public String fieldName() {
    return fieldName;
  }

  /** The format version that introduced the field. */
  public int version() {
    return version;
  }

  /** The field of a name, or {@link #OTHER}. Names are matched as written (they are lower case). */
  public static FlowField of(String name) {
    return BY_NAME.getOrDefault(name, OTHER);
  }
}
