"""Derives two damaged captures from a classic Ethernet/IPv4 pcap (certscope tests, MIT OR
Apache-2.0).

reorder.py <in.pcap> <reordered.pcap> <truncated.pcap>
- reordered: the server's first flight (ServerHello … ServerHelloDone) is split into two TCP
  segments captured second-half first, and the first half is captured twice (a
  retransmission). A correct reader decodes it exactly as the original.
- truncated: the file cut 10 bytes into its last payload packet's data.
"""
import struct
import sys

src, reordered, truncated = sys.argv[1:4]
data = open(src, "rb").read()
header, rest = data[:24], data[24:]
packets = []
while rest:
    caplen = struct.unpack("<I", rest[8:12])[0]
    packets.append(rest[: 16 + caplen])
    rest = rest[16 + caplen :]


def parts(p):
    record, frame = p[:16], p[16:]
    eth, ip = frame[:14], frame[14:]
    ihl = (ip[0] & 15) * 4
    total = struct.unpack(">H", ip[2:4])[0]
    tcp = ip[ihl:]
    thl = (tcp[12] >> 4) * 4
    return record, eth, ip[:ihl], tcp[:thl], ip[ihl + thl : total]


def build(record, eth, iph, tcph, payload, seq):
    iph = iph[:2] + struct.pack(">H", len(iph) + len(tcph) + len(payload)) + iph[4:]
    tcph = tcph[:4] + struct.pack(">I", seq) + tcph[8:]
    frame = eth + iph + tcph + payload
    record = record[:8] + struct.pack("<II", len(frame), len(frame))
    return record + frame


with_data = [i for i, p in enumerate(packets) if len(parts(p)[4]) > 0]
flight = with_data[1]
record, eth, iph, tcph, payload = parts(packets[flight])
seq = struct.unpack(">I", tcph[4:8])[0]
first = build(record, eth, iph, tcph, payload[:300], seq)
second = build(record, eth, iph, tcph, payload[300:], (seq + 300) % 2**32)
out = packets[:flight] + [second, first, first] + packets[flight + 1 :]
open(reordered, "wb").write(header + b"".join(out))
last = with_data[-1]
cut = 24 + sum(len(p) for p in packets[:last]) + 16 + 54 + 10
open(truncated, "wb").write(data[:cut])
