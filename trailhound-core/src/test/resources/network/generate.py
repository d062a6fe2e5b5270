#!/usr/bin/env python3
"""Writes the network detector fixtures (flow logs and resolver logs) under this folder.

Run from this folder: python3 generate.py. Deterministic; the files are committed, this script
says how they were made. Each detector has match/ (must fire, expected.tsv names the type and a
phrase of the explanation) and nomatch/ (must not fire; near-miss-* files sit just under a
threshold)."""
import json, os, random, shutil

T0 = 1699999200  # 2023-11-14T22:00:00Z, hour-aligned
HEADER = "version account-id interface-id instance-id srcaddr dstaddr srcport dstport protocol packets bytes start end action tcp-flags log-status"
ACCT, ENI, INST, ME = "111122223333", "eni-0a1b2c3d4e5f60718", "i-0abc1234def567890", "10.0.1.5"

def flow(src, dst, sport, dport, proto=6, packets=1, nbytes=44, start=T0, end=None, action="ACCEPT", flags=2, eni=ENI, inst=INST):
    return f"5 {ACCT} {eni} {inst} {src} {dst} {sport} {dport} {proto} {packets} {nbytes} {start} {end if end is not None else start + 5} {action} {flags} OK"

def write(det, kind, name, lines, header=True):
    d = os.path.join(det, kind)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "w") as f:
        if header:
            f.write(HEADER + "\n")
        f.write("\n".join(lines) + "\n")

expected = {}
def expect(det, name, typ, phrase):
    expected.setdefault(det, []).append(f"{name}\t{typ}\t{phrase}")

def dns(name, t, rcode="NOERROR", answers=(), inst=INST, qtype="A", src=ME):
    return json.dumps({"version": "1.100000", "account_id": ACCT, "region": "eu-west-1", "vpc_id": "vpc-0123456789abcdef0",
        "query_timestamp": f"{t}", "query_name": name + ".", "query_type": qtype, "query_class": "IN", "rcode": rcode,
        "answers": [{"Rdata": a, "Type": "A", "Class": "IN"} for a in answers], "srcaddr": src, "srcport": "53535",
        "transport": "UDP", "srcids": {"instance": inst}})

def iso(sec):
    import datetime
    return datetime.datetime.fromtimestamp(sec, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

for d in [x for x in os.listdir(".") if os.path.isdir(x)]:
    shutil.rmtree(d)

# net-port-scan
hosts = [f"10.0.2.{i}" for i in range(10, 19)]
write("net-port-scan", "match", "vertical-scan.log",
      [flow(ME, hosts[p % 9], 45000, p, action="ACCEPT" if p in (22, 80, 443) else "REJECT", start=T0 + p) for p in range(1, 213)])
expect("net-port-scan", "vertical-scan.log", "Recon:EC2/Portscan", "probed 212 ports on 9 hosts")
write("net-port-scan", "match", "sweep.log", [flow(ME, f"198.51.{100 + i // 200}.{i % 200 + 1}", 50000, 445, action="REJECT", start=T0 + i) for i in range(60)])
expect("net-port-scan", "sweep.log", "Impact:EC2/PortSweep", "on 60 hosts")
write("net-port-scan", "nomatch", "near-miss-40-ports.log", [flow(ME, "10.0.2.10", 45000, p, action="REJECT", start=T0 + p) for p in range(1, 41)])
write("net-port-scan", "nomatch", "busy-server-replies.log", [flow(ME, f"203.0.113.{i % 250 + 1}", 443, 40000 + i, packets=2, flags=18, start=T0 + i) for i in range(300)])
write("net-port-scan", "nomatch", "scan-across-two-windows.log",
      [flow(ME, "10.0.2.10", 45000, p, action="REJECT", start=T0 + (0 if p <= 40 else 700)) for p in range(1, 81)])

# net-port-probe
write("net-port-probe", "match", "ssh-open-to-scanners.log", [flow(f"203.0.113.{i + 10}", ME, 50000 + i, 22, start=T0 + 300 * i) for i in range(8)])
expect("net-port-probe", "ssh-open-to-scanners.log", "Recon:EC2/PortProbeUnprotectedPort", "port 22 of i-0abc1234def567890 (eni-0a1b2c3d4e5f60718) accepted probes from 8 internet addresses")
write("net-port-probe", "match", "emr-8088.log", [flow(f"203.0.113.{i + 40}", ME, 50000 + i, 8088, start=T0 + 60 * i) for i in range(6)])
expect("net-port-probe", "emr-8088.log", "Recon:EC2/PortProbeEMRUnprotectedPort", "an EMR master port")
write("net-port-probe", "nomatch", "near-miss-4-sources.log", [flow(f"203.0.113.{i + 10}", ME, 50000 + i, 22, start=T0 + 300 * i) for i in range(4)])
write("net-port-probe", "nomatch", "rejected-probes.log", [flow(f"203.0.113.{i + 10}", ME, 50000 + i, 22, action="REJECT", start=T0 + 60 * i) for i in range(20)])
write("net-port-probe", "nomatch", "web-port.log", [flow(f"203.0.113.{i + 10}", ME, 50000 + i, 443, start=T0 + 60 * i) for i in range(20)])

# net-brute-force
write("net-brute-force", "match", "ssh-inbound.log", [flow("203.0.113.9", ME, 40000 + i, 22, packets=12, nbytes=2400, start=T0 + 60 * i) for i in range(30)])
expect("net-brute-force", "ssh-inbound.log", "UnauthorizedAccess:EC2/SSHBruteForce", "203.0.113.9 made 30 SSH connection attempts to i-0abc1234def567890")
write("net-brute-force", "match", "rdp-outbound.log", [flow(ME, "198.51.100.20", 40000 + i, 3389, packets=10, nbytes=1500, start=T0 + 100 * i) for i in range(25)])
expect("net-brute-force", "rdp-outbound.log", "UnauthorizedAccess:EC2/RDPBruteForce", "the instance is the attacker")
write("net-brute-force", "match", "winrm-inbound.log", [flow("203.0.113.19", ME, 40000 + i, 5985, packets=10, nbytes=1500, start=T0 + 100 * i) for i in range(22)])
expect("net-brute-force", "winrm-inbound.log", "Impact:EC2/WinRMBruteForce", "22 WinRM connection attempts")
write("net-brute-force", "nomatch", "near-miss-15-attempts.log", [flow("203.0.113.9", ME, 40000 + i, 22, packets=12, start=T0 + 60 * i) for i in range(15)])
write("net-brute-force", "nomatch", "attempts-over-two-hours.log", [flow("203.0.113.9", ME, 40000 + i, 22, packets=12, start=T0 + 400 * i) for i in range(30)])

# net-threat-intel-ip (lists in intel-example.txt)
write("net-threat-intel-ip", "match", "c2.log", [flow(ME, "198.51.100.10", 41000 + i, 443, packets=6, nbytes=900, start=T0 + 600 * i) for i in range(3)])
expect("net-threat-intel-ip", "c2.log", "Backdoor:EC2/C&CActivity.B", "c2 on intel-example.txt (198.51.100.10)")
write("net-threat-intel-ip", "match", "tor-client.log", [flow(ME, "192.0.2.81", 41000, 9001, packets=20, nbytes=9000)])
expect("net-threat-intel-ip", "tor-client.log", "UnauthorizedAccess:EC2/TorClient", "tor-guard")
write("net-threat-intel-ip", "match", "tor-exit-caller.log", [flow("192.0.2.77", ME, 41000, 22, packets=20, nbytes=9000)])
expect("net-threat-intel-ip", "tor-exit-caller.log", "UnauthorizedAccess:EC2/TorIPCaller", "192.0.2.77")
write("net-threat-intel-ip", "match", "blackhole.log", [flow(ME, "198.51.100.66", 41000, 80, packets=3, action="REJECT")])
expect("net-threat-intel-ip", "blackhole.log", "Trojan:EC2/BlackholeTraffic", "blackhole")
write("net-threat-intel-ip", "match", "drop-point.log", [flow(ME, "198.51.100.70", 41000, 443, packets=300, nbytes=5000000)])
expect("net-threat-intel-ip", "drop-point.log", "Trojan:EC2/DropPoint", "drop-point")
write("net-threat-intel-ip", "match", "xorddos.log", [flow(ME, "198.51.100.80", 41000, 3502, packets=30, nbytes=5000)])
expect("net-threat-intel-ip", "xorddos.log", "Backdoor:EC2/XORDDOS", "xorddos")
write("net-threat-intel-ip", "match", "bitcoin.log", [flow(ME, "198.51.100.90", 41000, 8333, packets=30, nbytes=5000)])
expect("net-threat-intel-ip", "bitcoin.log", "CryptoCurrency:EC2/BitcoinTool.A", "bitcoin")
write("net-threat-intel-ip", "match", "mining-pool-ip.log", [flow(ME, "203.0.113.50", 41000, 443, packets=30, nbytes=5000)])
expect("net-threat-intel-ip", "mining-pool-ip.log", "CryptoCurrency:EC2/BitcoinTool.B", "mining")
write("net-threat-intel-ip", "match", "custom-list-cidr.log", [flow("198.51.100.200", ME, 41000, 22, packets=30, nbytes=5000)])
expect("net-threat-intel-ip", "custom-list-cidr.log", "UnauthorizedAccess:EC2/MaliciousIPCaller.Custom", "custom on intel-example.txt (198.51.100.192/27)")
write("net-threat-intel-ip", "nomatch", "near-miss-neighbour-address.log", [flow(ME, "198.51.100.11", 41000 + i, 443, packets=6, start=T0 + 600 * i) for i in range(3)])

# net-crypto-mining-port
write("net-crypto-mining-port", "match", "stratum-3333.log", [flow(ME, "203.0.113.61", 42000 + i, 3333, packets=40, nbytes=8000, start=T0 + 600 * i) for i in range(4)])
expect("net-crypto-mining-port", "stratum-3333.log", "CryptoCurrency:EC2/BitcoinTool.B", "mining-pool stratum ports (port 3333) at 203.0.113.61:3333")
write("net-crypto-mining-port", "nomatch", "rejected-stratum.log", [flow(ME, "203.0.113.61", 42000, 3333, action="REJECT")])
write("net-crypto-mining-port", "nomatch", "near-miss-port-3334.log", [flow(ME, "203.0.113.61", 42000, 3334, packets=40, nbytes=8000)])
write("net-crypto-mining-port", "nomatch", "internal-3333.log", [flow(ME, "10.0.3.3", 42000, 3333, packets=40, nbytes=8000)])

# net-tor-relay
relays = [f"192.0.2.{i}" for i in range(80, 86)]
write("net-tor-relay", "match", "relay.log",
      [flow(r, ME, 50000 + i, 9001, packets=100, nbytes=90000, start=T0 + 60 * i) for i, r in enumerate(relays[:3])] +
      [flow(ME, r, 43000 + i, 9001, packets=100, nbytes=90000, start=T0 + 60 * i) for i, r in enumerate(relays[3:])])
expect("net-tor-relay", "relay.log", "UnauthorizedAccess:EC2/TorRelay", "accepted connections from 3 Tor nodes and opened connections to 3 Tor nodes")
write("net-tor-relay", "nomatch", "near-miss-two-outbound.log",
      [flow(r, ME, 50000 + i, 9001, packets=100, start=T0 + 60 * i) for i, r in enumerate(relays[:3])] +
      [flow(ME, r, 43000 + i, 9001, packets=100, start=T0 + 60 * i) for i, r in enumerate(relays[3:5])])

# net-dos
def flood(proto, dport, pps, targets, flags=2, size=60):
    lines = []
    for i, t in enumerate(targets):
        pk = pps * 60 // len(targets)
        lines.append(flow(ME, t, 40000 + i, dport, proto=proto, packets=pk, nbytes=pk * size, start=T0, end=T0 + 60, flags=flags))
    return lines
write("net-dos", "match", "udp-flood.log", flood(17, 9999, 15000, ["203.0.113.7"], flags=0, size=500))
expect("net-dos", "udp-flood.log", "Backdoor:EC2/DenialOfService.Udp", "packets/s) to 1 internet host(s) (203.0.113.7)")
write("net-dos", "match", "dns-flood.log", flood(17, 53, 12000, ["203.0.113.8", "203.0.113.9"], flags=0))
expect("net-dos", "dns-flood.log", "Backdoor:EC2/DenialOfService.Dns", "DNS packets")
write("net-dos", "match", "syn-flood.log", flood(6, 80, 20000, ["203.0.113.10"]))
expect("net-dos", "syn-flood.log", "Backdoor:EC2/DenialOfService.Tcp", "TCP packets")
write("net-dos", "match", "udp-on-tcp-ports.log", flood(17, 443, 11000, ["203.0.113.11"], flags=0, size=200))
expect("net-dos", "udp-on-tcp-ports.log", "Backdoor:EC2/DenialOfService.UdpOnTcpPorts", "UDP to TCP service ports")
write("net-dos", "match", "unusual-protocol.log", flood(254, 0, 2000, ["203.0.113.12"], flags=0))
expect("net-dos", "unusual-protocol.log", "Backdoor:EC2/DenialOfService.UnusualProtocol", "(protocol 254)")
write("net-dos", "nomatch", "near-miss-8000pps.log", flood(17, 9999, 8000, ["203.0.113.7"], flags=0))
write("net-dos", "nomatch", "busy-server-to-many-clients.log", flood(17, 9999, 30000, [f"203.0.113.{i}" for i in range(20, 40)], flags=0))
write("net-dos", "nomatch", "large-tcp-download.log", flood(6, 443, 20000, ["203.0.113.10"], flags=27, size=1400))

# net-spambot
write("net-spambot", "match", "smtp-fanout.log", [flow(ME, f"203.0.113.{i + 100}", 44000 + i, 25, packets=20, nbytes=6000, start=T0 + 60 * i) for i in range(25)])
expect("net-spambot", "smtp-fanout.log", "Backdoor:EC2/Spambot", "to 25 distinct internet hosts")
write("net-spambot", "nomatch", "near-miss-15-hosts.log", [flow(ME, f"203.0.113.{i + 100}", 44000 + i, 25, packets=20, start=T0 + 60 * i) for i in range(15)])
write("net-spambot", "nomatch", "submission-port.log", [flow(ME, f"203.0.113.{i + 100}", 44000 + i, 587, packets=20, start=T0 + 60 * i) for i in range(25)])

# net-beaconing
write("net-beaconing", "match", "every-5-min.log", [flow(ME, "198.51.100.30", 45000 + i, 443, packets=8, nbytes=1200, start=T0 + 300 * i + (i * 7) % 5) for i in range(20)])
expect("net-beaconing", "every-5-min.log", "", "connected to 198.51.100.30:443 20 times, every 302 s")
rnd = random.Random(7)
t = T0; jit = []
for i in range(20):
    t += rnd.randint(30, 1800); jit.append(flow(ME, "198.51.100.30", 45000 + i, 443, packets=8, start=t))
write("net-beaconing", "nomatch", "irregular.log", jit)
write("net-beaconing", "nomatch", "near-miss-10-connections.log", [flow(ME, "198.51.100.30", 45000 + i, 443, packets=8, start=T0 + 300 * i) for i in range(10)])

# baselines: 30 hours of 1 MB/h to 198.51.100.40:443, then the change
def base(hours=30, extra_port_at=None):
    lines = []
    for h in range(hours):
        lines.append(flow(ME, "198.51.100.40", 46000 + h, 443, packets=900, nbytes=1_000_000, start=T0 + 3600 * h + 10, end=T0 + 3600 * h + 70, flags=27))
        if extra_port_at is not None and h == extra_port_at:
            lines.append(flow(ME, "198.51.100.41", 47000, 6667, packets=30, nbytes=4000, start=T0 + 3600 * h + 100, flags=27))
    return lines
write("net-unusual-port", "match", "irc-after-learning.log", base() + [flow(ME, "198.51.100.41", 47001, 6667, packets=30, nbytes=4000, start=T0 + 3600 * 27 + 100, flags=27)])
expect("net-unusual-port", "irc-after-learning.log", "Behavior:EC2/NetworkPortUnusual", "connections to remote port 6667 (e.g. 198.51.100.41")
write("net-unusual-port", "nomatch", "port-used-while-learning.log", base(extra_port_at=2) + [flow(ME, "198.51.100.41", 47001, 6667, packets=30, start=T0 + 3600 * 27 + 100, flags=27)])
write("net-unusual-port", "nomatch", "near-miss-no-baseline.log", base(hours=5) + [flow(ME, "198.51.100.41", 47001, 6667, packets=30, start=T0 + 3600 * 27 + 100, flags=27)])
write("net-unusual-volume", "match", "600mb-hour.log", base() + [flow(ME, "198.51.100.40", 48000, 443, packets=400000, nbytes=600_000_000, start=T0 + 3600 * 28 + 200, end=T0 + 3600 * 28 + 800, flags=27)])
expect("net-unusual-volume", "600mb-hour.log", "Behavior:EC2/TrafficVolumeUnusual", "601,000,000 bytes to the internet in the hour")
write("net-unusual-volume", "nomatch", "near-miss-90mb-hour.log", base() + [flow(ME, "198.51.100.40", 48000, 443, packets=60000, nbytes=90_000_000, start=T0 + 3600 * 28 + 200, flags=27)])
write("net-new-destination-volume", "match", "80mb-to-new-host.log", base() + [flow(ME, "198.51.100.42", 48001, 443, packets=60000, nbytes=80_000_000, start=T0 + 3600 * 29 + 200, flags=27)])
expect("net-new-destination-volume", "80mb-to-new-host.log", "", "sent 80,000,000 bytes in 1 flows to 198.51.100.42")
write("net-new-destination-volume", "nomatch", "near-miss-40mb.log", base() + [flow(ME, "198.51.100.42", 48001, 443, packets=30000, nbytes=40_000_000, start=T0 + 3600 * 29 + 200, flags=27)])
write("net-new-destination-volume", "nomatch", "known-destination.log", base() + [flow(ME, "198.51.100.40", 48001, 443, packets=60000, nbytes=80_000_000, start=T0 + 3600 * 29 + 200, flags=27)])

# net-unusual-resolver
write("net-unusual-resolver", "match", "public-resolver.log", [flow(ME, "8.8.8.8", 53000 + i, 53, proto=17, packets=2, nbytes=150, start=T0 + 30 * i, flags=0) for i in range(5)])
expect("net-unusual-resolver", "public-resolver.log", "DefenseEvasion:EC2/UnusualDNSResolver", "plain DNS (port 53) to 8.8.8.8")
write("net-unusual-resolver", "match", "dns-over-tls.log", [flow(ME, "9.9.9.9", 53000, 853, packets=20, nbytes=4000, flags=27)])
expect("net-unusual-resolver", "dns-over-tls.log", "DefenseEvasion:EC2/UnusualDoTActivity", "DNS over TLS")
write("net-unusual-resolver", "match", "dns-over-https.log", [flow(ME, "1.1.1.1", 53000, 443, packets=20, nbytes=4000, flags=27)])
expect("net-unusual-resolver", "dns-over-https.log", "DefenseEvasion:EC2/UnusualDoHActivity", "DNS over HTTPS to 1.1.1.1")
write("net-unusual-resolver", "nomatch", "vpc-resolver.log", [flow(ME, "10.0.0.2", 53000, 53, proto=17, packets=2, flags=0)])
write("net-unusual-resolver", "nomatch", "near-miss-https-elsewhere.log", [flow(ME, "1.1.1.2", 53000, 443, packets=20, flags=27)])

# DNS
def wdns(det, kind, name, lines):
    d = os.path.join(det, kind); os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "w") as f:
        f.write("\n".join(lines) + "\n")

wdns("dns-threat-intel", "match", "c2-domain.jsonl", [dns("beacon.evil-c2.example.net", iso(T0 + 60 * i)) for i in range(3)])
expect("dns-threat-intel", "c2-domain.jsonl", "Backdoor:EC2/C&CActivity.B!DNS", "queried beacon.evil-c2.example.net 3 times")
wdns("dns-threat-intel", "match", "mining-pool.jsonl", [dns("xmr-eu1.nanopool.org", iso(T0))])
expect("dns-threat-intel", "mining-pool.jsonl", "CryptoCurrency:EC2/BitcoinTool.B!DNS", "mining on builtin (nanopool.org)")
wdns("dns-threat-intel", "match", "phishing.jsonl", [dns("login.phish-bank.example.com", iso(T0))])
expect("dns-threat-intel", "phishing.jsonl", "Trojan:EC2/PhishingDomainRequest!DNS", "phishing")
wdns("dns-threat-intel", "match", "custom.jsonl", [dns("files.custom-bad.example.org", iso(T0))])
expect("dns-threat-intel", "custom.jsonl", "Impact:EC2/MaliciousDomainRequest.Custom", "custom")
wdns("dns-threat-intel", "match", "abused.jsonl", [dns("myhost.dyn-abused.example", iso(T0))])
expect("dns-threat-intel", "abused.jsonl", "Impact:EC2/AbusedDomainRequest.Reputation", "abused")
wdns("dns-threat-intel", "match", "suspicious.jsonl", [dns("new.suspicious-young.example", iso(T0))])
expect("dns-threat-intel", "suspicious.jsonl", "Impact:EC2/SuspiciousDomainRequest.Reputation", "suspicious")
wdns("dns-threat-intel", "match", "malicious.jsonl", [dns("malware.bad-rep.example", iso(T0))])
expect("dns-threat-intel", "malicious.jsonl", "Impact:EC2/MaliciousDomainRequest.Reputation", "malicious")
wdns("dns-threat-intel", "match", "bitcoin-rep.jsonl", [dns("wallet.coin-rep.example", iso(T0))])
expect("dns-threat-intel", "bitcoin-rep.jsonl", "Impact:EC2/BitcoinDomainRequest.Reputation", "bitcoin")
wdns("dns-threat-intel", "match", "drive-by.jsonl", [dns("cdn.driveby.example", iso(T0))])
expect("dns-threat-intel", "drive-by.jsonl", "Trojan:EC2/DriveBySourceTraffic!DNS", "drive-by")
wdns("dns-threat-intel", "match", "drop-point.jsonl", [dns("upload.droppoint.example", iso(T0))])
expect("dns-threat-intel", "drop-point.jsonl", "Trojan:EC2/DropPoint!DNS", "drop-point")
wdns("dns-threat-intel", "match", "blackhole-answer.jsonl", [dns("sinkholed.example.com", iso(T0), answers=["198.51.100.66"])])
expect("dns-threat-intel", "blackhole-answer.jsonl", "Trojan:EC2/BlackholeTraffic!DNS", "answer 198.51.100.66 is blackhole")
wdns("dns-threat-intel", "nomatch", "near-miss-lookalike.jsonl", [dns("notevil-c2.example.net", iso(T0)), dns("evil-c2.example.network", iso(T0))])
wdns("dns-metadata-rebind", "match", "rebind.jsonl", [dns("rebind.attacker.example.com", iso(T0), answers=["169.254.169.254"])])
expect("dns-metadata-rebind", "rebind.jsonl", "UnauthorizedAccess:EC2/MetadataDNSRebind", "resolved rebind.attacker.example.com to the instance metadata address")
wdns("dns-metadata-rebind", "nomatch", "aws-internal-name.jsonl", [dns("instance-data.ec2.internal", iso(T0), answers=["169.254.169.254"])])
wdns("dns-metadata-rebind", "nomatch", "near-miss-other-link-local.jsonl", [dns("rebind.attacker.example.com", iso(T0), answers=["169.254.169.253"])])

def dga(r):
    return "".join(r.choice("bcdfghjklmnpqrstvwxz0123456789") for _ in range(r.randint(12, 18)))
r = random.Random(11)
wdns("dns-dga", "match", "dga-sweep.jsonl", [dns(dga(r) + ".com", iso(T0 + 20 * i), rcode="NXDOMAIN") for i in range(15)])
expect("dns-dga", "dga-sweep.jsonl", "Trojan:EC2/DGADomainRequest.B", "queried 15 distinct algorithmically generated-looking domains")
wdns("dns-dga", "match", "dga-resolved.jsonl", [dns("xkqzvbnrtwplmh.net", iso(T0), answers=["198.51.100.150"])])
expect("dns-dga", "dga-resolved.jsonl", "Trojan:EC2/DGADomainRequest.C!DNS", "resolved the generated-looking domain(s) xkqzvbnrtwplmh.net to 198.51.100.150")
wdns("dns-dga", "nomatch", "near-miss-8-dga-nxdomain.jsonl", [dns(dga(r) + ".com", iso(T0 + 20 * i), rcode="NXDOMAIN") for i in range(8)])
normal = ["d1a2b3c4d5e6f7.cloudfront.net", "login.microsoftonline.com", "s3.eu-west-1.amazonaws.com", "stackoverflow.com",
          "ec2messages.eu-west-1.amazonaws.com", "api.github.com", "registry.npmjs.org", "www.wikipedia.org",
          "fonts.googleapis.com", "sts.amazonaws.com", "repo.maven.apache.org", "security.ubuntu.com",
          "pypi.org", "files.pythonhosted.org", "download.docker.com", "analytics.salesforce.com"]
wdns("dns-dga", "nomatch", "ordinary-names.jsonl", [dns(n, iso(T0 + 20 * i), answers=["198.51.100.1"]) for i, n in enumerate(normal)])

import base64
def enc(r):
    return base64.b32encode(bytes(r.getrandbits(8) for _ in range(25))).decode().lower().rstrip("=")
wdns("dns-exfiltration", "match", "base32-tunnel.jsonl", [dns(f"{enc(r)}.{i}.t.exfil-tunnel.example.net", iso(T0 + 10 * i), qtype="TXT") for i in range(80)])
expect("dns-exfiltration", "base32-tunnel.jsonl", "Trojan:EC2/DNSDataExfiltration", "80 distinct long subdomains under example.net")
wdns("dns-exfiltration", "nomatch", "near-miss-40-queries.jsonl", [dns(f"{enc(r)}.t.exfil-tunnel.example.net", iso(T0 + 10 * i), qtype="TXT") for i in range(40)])
wdns("dns-exfiltration", "nomatch", "cdn-hostnames.jsonl", [dns(f"edge-cache-node-{i:04d}-frankfurt.cdn-provider.example.com", iso(T0 + 10 * i)) for i in range(80)])

for det, lines in expected.items():
    with open(os.path.join(det, "match", "expected.tsv"), "w") as f:
        f.write("# file\ttype (empty: none)\ta phrase of the explanation\n" + "\n".join(lines) + "\n")

# Lambda functions in a VPC: each fixture is a folder with the CloudTrail record of Lambda creating
# the function's interface (ec2:CreateNetworkInterface with the execution role, as Lambda makes it)
# and the interface's flow log (no instance id, as for every Lambda interface).
LAMBDA_ENI, LAMBDA_ME = "eni-0f1e2d3c4b5a69788", "10.0.2.15"

def create_eni(function, description=None, interface_type="lambda", eni=LAMBDA_ENI, invoked_by="lambda.amazonaws.com"):
    description = description if description is not None else f"AWS Lambda VPC ENI-{function}"
    role = f"{function}-role"
    return {"eventVersion": "1.09",
            "userIdentity": {"type": "AssumedRole", "principalId": f"AROA2EXAMPLEROLEID01:{function}",
                             "arn": f"arn:aws:sts::{ACCT}:assumed-role/{role}/{function}", "accountId": ACCT,
                             "accessKeyId": "ASIA2EXAMPLEKEY00001",
                             "sessionContext": {"sessionIssuer": {"type": "Role", "principalId": "AROA2EXAMPLEROLEID01",
                                                                  "arn": f"arn:aws:iam::{ACCT}:role/{role}", "accountId": ACCT, "userName": role},
                                                "attributes": {"creationDate": "2023-11-14T21:00:00Z", "mfaAuthenticated": "false"}},
                             "invokedBy": invoked_by},
            "eventTime": "2023-11-14T21:00:05Z", "eventSource": "ec2.amazonaws.com", "eventName": "CreateNetworkInterface",
            "awsRegion": "us-east-1", "sourceIPAddress": invoked_by, "userAgent": invoked_by,
            "requestParameters": {"subnetId": "subnet-0a1b2c3d4e5f60718", "description": description,
                                  "groupSet": {"items": [{"groupId": "sg-0a1b2c3d4e5f60718"}]},
                                  "privateIpAddressesSet": {}, "ipv6AddressCount": 0},
            "responseElements": {"requestId": "6f1c2b7e-0d1a-4b8e-9a0f-2c3d4e5f6a7b",
                                 "networkInterface": {"networkInterfaceId": eni, "subnetId": "subnet-0a1b2c3d4e5f60718",
                                                      "vpcId": "vpc-0123456789abcdef0", "availabilityZone": "us-east-1a",
                                                      "description": description, "ownerId": ACCT,
                                                      "requesterId": f"AROA2EXAMPLEROLEID01:{function}", "requesterManaged": False,
                                                      "status": "pending", "macAddress": "0e:12:34:56:78:9a",
                                                      "privateIpAddress": LAMBDA_ME, "privateDnsName": "ip-10-0-2-15.ec2.internal",
                                                      "sourceDestCheck": True, "interfaceType": interface_type,
                                                      "groupSet": {"items": [{"groupId": "sg-0a1b2c3d4e5f60718", "groupName": f"{function}-sg"}]},
                                                      "privateIpAddressesSet": {"item": [{"privateIpAddress": LAMBDA_ME, "privateDnsName": "ip-10-0-2-15.ec2.internal", "primary": True}]},
                                                      "ipv6AddressesSet": {}, "tagSet": {}}},
            "requestID": "6f1c2b7e-0d1a-4b8e-9a0f-2c3d4e5f6a7b", "eventID": "9b2f7c1e-3a4d-4e5f-8a9b-0c1d2e3f4a5b",
            "readOnly": False, "eventType": "AwsApiCall", "managementEvent": True, "recipientAccountId": ACCT,
            "eventCategory": "Management"}

def lflow(src, dst, sport, dport, **kw):
    return flow(src, dst, sport, dport, eni=LAMBDA_ENI, inst="-", **kw)

def wlambda(kind, name, event, lines):
    d = os.path.join("net-lambda-threat-ip", kind, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "cloudtrail.json"), "w") as f:
        json.dump({"Records": [event]}, f, indent=1)
        f.write("\n")
    with open(os.path.join(d, "flows.log"), "w") as f:
        f.write(HEADER + "\n" + "\n".join(lines) + "\n")

L = "net-lambda-threat-ip"
wlambda("match", "c2", create_eni("orders-api"), [lflow(LAMBDA_ME, "198.51.100.10", 41000 + i, 443, packets=6, nbytes=900, start=T0 + 600 * i) for i in range(3)])
expect(L, "c2", "Backdoor:Lambda/C&CActivity.B", "Lambda function orders-api (its VPC interface eni-0f1e2d3c4b5a69788): exchanged 3 flows")
wlambda("match", "mining-pool-port", create_eni("thumbnailer"), [lflow(LAMBDA_ME, "203.0.113.77", 41000, 3333, packets=40, nbytes=9000)])
expect(L, "mining-pool-port", "CryptoCurrency:Lambda/BitcoinTool.B", "Lambda function thumbnailer")
wlambda("match", "blackhole", create_eni("report-builder"), [lflow(LAMBDA_ME, "198.51.100.66", 41000, 80, packets=3, nbytes=44, action="REJECT")])
expect(L, "blackhole", "Trojan:Lambda/BlackholeTraffic", "blackhole")
wlambda("match", "drop-point", create_eni("export-job"), [lflow(LAMBDA_ME, "198.51.100.70", 41000, 443, packets=300, nbytes=5000000)])
expect(L, "drop-point", "Trojan:Lambda/DropPoint", "drop-point")
wlambda("match", "custom-list", create_eni("webhook-relay"), [lflow(LAMBDA_ME, "198.51.100.200", 41000, 443, packets=30, nbytes=5000)])
expect(L, "custom-list", "UnauthorizedAccess:Lambda/MaliciousIPCaller.Custom", "custom on intel-example.txt (198.51.100.192/27)")
wlambda("match", "tor-client", create_eni("scraper"), [lflow(LAMBDA_ME, "192.0.2.81", 41000, 9001, packets=20, nbytes=9000)])
expect(L, "tor-client", "UnauthorizedAccess:Lambda/TorClient", "tor-guard")
wlambda("match", "tor-relay", create_eni("proxy-fn"),
        [lflow(f"192.0.2.{80 + i}", LAMBDA_ME, 50000 + i, 9001, packets=100, nbytes=90000, start=T0 + 60 * i) for i in range(3)]
        + [lflow(LAMBDA_ME, f"192.0.2.{83 + i}", 43000 + i, 9001, packets=100, nbytes=90000, start=T0 + 60 * i) for i in range(3)])
expect(L, "tor-relay", "UnauthorizedAccess:Lambda/TorRelay", "Lambda function proxy-fn (its VPC interface eni-0f1e2d3c4b5a69788): accepted connections from 3 Tor nodes")
# Interfaces made by the first VPC networking for Lambda (before 2019) end in a UUID.
wlambda("match", "legacy-interface-name", create_eni("billing", description="AWS Lambda VPC ENI-billing-3f2a9c4e-1b7d-4e2a-9c3f-5d6e7f8a9b0c", interface_type="interface"),
        [lflow(LAMBDA_ME, "198.51.100.10", 41000, 443, packets=6, nbytes=900)])
expect(L, "legacy-interface-name", "Backdoor:Lambda/C&CActivity.B", "Lambda function billing (its VPC interface")
# Near misses: the same traffic on an interface a person created for an instance; a Lambda
# interface talking to a Bitcoin node (no Lambda type: it stays the interface's EC2 finding); a
# Lambda interface with clean traffic.
wlambda("nomatch", "near-miss-ec2-interface", create_eni("ops-admin", description="web tier primary interface", interface_type="interface", invoked_by="ec2.amazonaws.com"),
        [lflow(LAMBDA_ME, "198.51.100.10", 41000, 443, packets=6, nbytes=900)])
wlambda("nomatch", "near-miss-bitcoin-node", create_eni("ledger-sync"), [lflow(LAMBDA_ME, "198.51.100.90", 41000, 8333, packets=30, nbytes=5000)])
wlambda("nomatch", "clean-traffic", create_eni("orders-api"), [lflow(LAMBDA_ME, "203.0.113.9", 41000 + i, 443, packets=6, nbytes=900, start=T0 + 60 * i) for i in range(10)])
with open(os.path.join(L, "match", "expected.tsv"), "w") as f:
    f.write("# folder\ttype (empty: none)\ta phrase of the explanation\n" + "\n".join(expected[L]) + "\n")
