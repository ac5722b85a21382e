"""Peer for the VPC CIDR benchmark: Python's ipaddress doing the same work as
vpc_cidr_work in benches/node/src/vpc.rs. Prints the median time in ms."""
import ipaddress
import json
import sys
import time

cidrs, ips = json.load(open(sys.argv[1]))


def work():
    inside = splits = 0
    for c, i in zip(cidrs, ips):
        net = ipaddress.ip_network(c, strict=False)
        if ipaddress.ip_address(i) in net:
            inside += 1
        a, _ = net.subnets(prefixlen_diff=1)
        splits += a.prefixlen
    return inside + splits


work()
times = []
for _ in range(5):
    t0 = time.perf_counter()
    work()
    times.append((time.perf_counter() - t0) * 1000)
times.sort()
print(json.dumps({"ms": times[len(times) // 2]}))
