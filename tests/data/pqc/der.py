"""DER writing for the scripts that make tests/data/pqc (make.py, make-alt-signature.py): just
enough of X.690 to write certificates by hand, as no Python X.509 library signs with ML-DSA."""
def tlv(tag, body):
    n = len(body)
    if n < 0x80: head = bytes([n])
    else:
        b = n.to_bytes((n.bit_length() + 7) // 8, 'big'); head = bytes([0x80 | len(b)]) + b
    return bytes([tag]) + head + body
seq = lambda *xs: tlv(0x30, b''.join(xs))
def oid(dotted):
    p = [int(x) for x in dotted.split('.')]; out = bytes([40 * p[0] + p[1]])
    for v in p[2:]:
        chunk = [v & 0x7f]; v >>= 7
        while v: chunk.append(0x80 | (v & 0x7f)); v >>= 7
        out += bytes(reversed(chunk))
    return tlv(0x06, out)
integer = lambda v: tlv(0x02, v.to_bytes((v.bit_length() + 8) // 8, 'big'))
utf8 = lambda s: tlv(0x0c, s.encode())
bitstring = lambda b: tlv(0x03, b'\0' + b)
octets = lambda b: tlv(0x04, b)
boolean = lambda v: tlv(0x01, b'\xff' if v else b'\0')
def time(t): return tlv(0x17, t.strftime('%y%m%d%H%M%SZ').encode())
def name(cn): return seq(tlv(0x31, seq(oid('2.5.4.10'), utf8('certscope test'))), tlv(0x31, seq(oid('2.5.4.3'), utf8(cn))))
