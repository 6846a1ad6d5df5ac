"""Writes a large pcap for bench/capture.sh: the TLS 1.2 connection of
tests/data/capture/tls12-ecdsa.pcap repeated on new client ports, each with `mb_each` MB of
application data from the server after its Finished (16 KB records, one per 64 KB segment
as loopback carries them). certscope benchmark input, MIT OR Apache-2.0.

make-capture.py <out.pcap> <total MB> [connections]
"""
import struct
import sys

out_path, total_mb = sys.argv[1], float(sys.argv[2])
connections = int(sys.argv[3]) if len(sys.argv) > 3 else 500
data = open("tests/data/capture/tls12-ecdsa.pcap", "rb").read()
header, rest = data[:24], data[24:]
packets = []
while rest:
    caplen = struct.unpack("<I", rest[8:12])[0]
    packets.append(rest[: 16 + caplen])
    rest = rest[16 + caplen :]


def fields(p):
    frame = p[16:]
    ip = frame[14:]
    ihl = (ip[0] & 15) * 4
    tcp = ip[ihl:]
    sport, dport, seq = struct.unpack(">HHI", tcp[:8])
    total = struct.unpack(">H", ip[2:4])[0]
    payload = total - ihl - (tcp[12] >> 4) * 4
    return ihl, sport, dport, seq, payload


server_port = fields(packets[0])[2]
# The server's Finished flight is the last server packet before the client's first alert.
finished = max(i for i, p in enumerate(packets) if fields(p)[1] == server_port and fields(p)[4] > 0 and i < len(packets) - 3)
record = b"\x17\x03\x03\x40\x00" + bytes(range(256)) * 64
per_segment = 3
segment_payload = record * per_segment
bytes_each = total_mb * 1e6 / connections
segments_each = max(1, int(bytes_each / len(segment_payload)))


def rewrite(p, client_port, seq_shift, ts):
    ihl, sport, dport, seq, _ = fields(p)
    frame = bytearray(p[16:])
    tcp = 14 + ihl
    if sport == server_port:
        frame[tcp + 2 : tcp + 4] = struct.pack(">H", client_port)
        frame[tcp + 4 : tcp + 8] = struct.pack(">I", (seq + seq_shift) % 2**32)
    else:
        frame[tcp : tcp + 2] = struct.pack(">H", client_port)
    return struct.pack("<IIII", ts, 0, len(frame), len(frame)) + bytes(frame)


with open(out_path, "wb") as out:
    out.write(header)
    for c in range(connections):
        port = 20000 + c
        for i, p in enumerate(packets):
            shift = 0 if i <= finished else segments_each * len(segment_payload)
            out.write(rewrite(p, port, shift, c))
            if i == finished:
                ihl, sport, dport, seq, payload = fields(p)
                thl = (p[16 + 14 + ihl + 12] >> 4) * 4
                base = p[16 : 16 + 14 + ihl + thl]
                for s in range(segments_each):
                    frame = bytearray(base)
                    frame[16:18] = struct.pack(">H", ihl + thl + len(segment_payload))
                    frame[14 + ihl + 2 : 14 + ihl + 4] = struct.pack(">H", port)
                    frame[14 + ihl + 4 : 14 + ihl + 8] = struct.pack(">I", (seq + payload + s * len(segment_payload)) % 2**32)
                    frame += segment_payload
                    out.write(struct.pack("<IIII", c, 0, len(frame), len(frame)) + bytes(frame))
