package io.trailhound.simulate.org;

/**
 * An employee and their habits. People sign in to the console through SSO (an {@code
 * AWSReservedSSO_...} role in each account they work in); engineers also hold an IAM user with a
 * long-term key they use from the CLI.
 *
 * @param utcOffset hours east of UTC of their home time zone
 * @param startHour local hour their working day starts
 * @param hours length of their working day
 * @param homeIp the address they work from
 * @param country ISO country of that address
 * @param browser browser user agent
 * @param cli CLI or SDK user agent
 * @param iamUser IAM user name, or null for people without long-term keys
 * @param accessKeyId their long-term key ({@code AKIA...}), or null
 * @param ssoRole the permission-set role they use in the console
 * @param activity calls per working hour
 */
public record Person(
    String name,
    int utcOffset,
    int startHour,
    int hours,
    String homeIp,
    String country,
    String browser,
    String cli,
    String iamUser,
    String userId,
    String accessKeyId,
    String ssoRole,
    String ssoRoleId,
    double activity) {}
