package io.trailhound.simulate.org;

import java.util.List;

/**
 * One AWS account of the organisation.
 *
 * @param regions the regions it works in, the first being its home region
 * @param buckets S3 bucket names
 * @param instanceIds EC2 instances (each also has a {@link Workload} when it calls AWS)
 * @param functions Lambda function names
 * @param trail the CloudTrail trail name
 * @param legacyUser a dormant deployment user whose long-term key nobody uses any more
 */
public record Account(
    String id,
    String name,
    boolean management,
    List<String> regions,
    List<Person> people,
    List<Workload> workloads,
    List<String> buckets,
    List<String> instanceIds,
    List<String> functions,
    String trail,
    Person legacyUser) {

  public Account {
    regions = List.copyOf(regions);
    people = List.copyOf(people);
    workloads = List.copyOf(workloads);
    buckets = List.copyOf(buckets);
    instanceIds = List.copyOf(instanceIds);
    functions = List.copyOf(functions);
  }

  public String home() {
    return regions.get(0);
  }

  /** People with an IAM user and a long-term access key. */
  public List<Person> keyHolders() {
    return people.stream().filter(p -> p.accessKeyId() != null).toList();
  }
}
