package io.trailhound.simulate.cloudtrail;

import java.time.Instant;

/** S3 calls as CloudTrail writes them: bucket host, {@code additionalEventData}, resources. */
public final class S3Shapes {

  private final Calls calls;

  public S3Shapes(Calls calls) {
    this.calls = calls;
  }

  /**
   * An object-level data event ({@code GetObject}, {@code PutObject}, {@code DeleteObject}, ...):
   * {@code eventCategory Data}, bucket and object in {@code resources[]}, bytes transferred.
   */
  public Call object(
      Caller c,
      Instant t,
      String name,
      String region,
      String account,
      String bucket,
      String key,
      long bytesIn,
      long bytesOut,
      boolean readOnly) {
    String host = bucket + ".s3." + region + ".amazonaws.com";
    Calls.Builder b =
        calls
            .api(c, t, "s3.amazonaws.com", name, region)
            .version("1.10")
            .account(account)
            .host(host)
            .s3RequestId()
            .data()
            .request(
                g -> {
                  g.writeStringField("bucketName", bucket);
                  g.writeStringField("Host", host);
                  g.writeStringField("key", key);
                })
            .response(
                name.equals("PutObject")
                    ? g -> g.writeStringField("x-amz-server-side-encryption", "AES256")
                    : null)
            .additional(additional(bytesIn, bytesOut))
            .resource("arn:aws:s3:::" + bucket + "/" + key, null, "AWS::S3::Object")
            .resource("arn:aws:s3:::" + bucket, account, "AWS::S3::Bucket");
    if (readOnly) {
      b.readOnly();
    }
    return b.build();
  }

  /** A bucket-level management call; {@code request} adds fields after bucketName and Host. */
  public Calls.Builder bucket(
      Caller c,
      Instant t,
      String name,
      String region,
      String account,
      String bucket,
      Body request) {
    String host =
        bucket == null
            ? "s3." + region + ".amazonaws.com"
            : bucket + ".s3." + region + ".amazonaws.com";
    Calls.Builder b =
        calls
            .api(c, t, "s3.amazonaws.com", name, region)
            .version("1.10")
            .account(account)
            .host(host)
            .s3RequestId()
            .request(
                g -> {
                  if (bucket != null) {
                    g.writeStringField("bucketName", bucket);
                  }
                  g.writeStringField("Host", host);
                  if (request != null) {
                    request.fields(g);
                  }
                })
            .additional(additional(0, name.startsWith("Put") ? 0 : 512));
    if (bucket != null) {
      b.resource("arn:aws:s3:::" + bucket, account, "AWS::S3::Bucket");
    }
    return b;
  }

  private Body additional(long in, long out) {
    String id2 = calls.ids().amzId2();
    return g -> {
      g.writeStringField("SignatureVersion", "SigV4");
      g.writeStringField("CipherSuite", "TLS_AES_128_GCM_SHA256");
      g.writeNumberField("bytesTransferredIn", in);
      g.writeStringField("AuthenticationMethod", "AuthHeader");
      g.writeStringField("x-amz-id-2", id2);
      g.writeNumberField("bytesTransferredOut", out);
    };
  }
}
