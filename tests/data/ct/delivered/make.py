"""Makes the SCT fixtures of tests/data/ct/delivered (see make.sh): a root and a localhost
certificate, two test CT logs, SCTs of both logs over the certificate (RFC 6962 §3.2
x509_entry), as the TLS extension carries them (an OpenSSL serverinfo file) and inside an OCSP
response (the SingleResponse extension 1.3.6.1.4.1.11129.2.4.5, RFC 6962 §3.3) the root signs.
Written for certscope (MIT OR Apache-2.0). Usage: python3 make.py OUT_DIR"""
import base64, datetime, hashlib, os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', 'pqc'))
from der import tlv, seq, oid, integer, octets, bitstring
from cryptography import x509
from cryptography.x509.oid import NameOID, ExtendedKeyUsageOID
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

out = sys.argv[1]
now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
pem = lambda k: k.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
spki = lambda k: k.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
def write(name, data):
    with open(os.path.join(out, name), 'wb') as f: f.write(data)

root_key, leaf_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
root_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, 'certscope CT test root')])
root = (x509.CertificateBuilder().subject_name(root_name).issuer_name(root_name)
        .public_key(root_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
        .sign(root_key, hashes.SHA256()))
leaf = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, 'localhost')]))
        .issuer_name(root_name).public_key(leaf_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1)).not_valid_after(now + datetime.timedelta(days=90))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName('localhost')]), critical=False)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .sign(root_key, hashes.SHA256()))
leaf_der = leaf.public_bytes(serialization.Encoding.DER)
write('root.pem', root.public_bytes(serialization.Encoding.PEM))
write('root.key', pem(root_key))
write('leaf.pem', leaf.public_bytes(serialization.Encoding.PEM))
write('leaf.key', pem(leaf_key))

# Two logs, of two operators; OpenSSL's CT log list names them for s_client -ctlogfile.
logs = [('a', 'certscope test log A'), ('b', 'certscope test log B')]
keys = {n: ec.generate_private_key(ec.SECP256R1()) for n, _ in logs}
conf = 'enabled_logs = ' + ','.join(n for n, _ in logs) + '\n'
for n, description in logs:
    write(f'log-{n}.der', spki(keys[n]))
    conf += f'\n[{n}]\ndescription = {description}\nkey = {base64.b64encode(spki(keys[n])).decode()}\n'
write('ctlogs.cnf', conf.encode())

def sct(log, ms):
    """An SCT of `log` over the certificate (RFC 6962 §3.2, x509_entry), TLS-encoded."""
    signed = (b'\0\0' + ms.to_bytes(8, 'big') + b'\0\0' + len(leaf_der).to_bytes(3, 'big') + leaf_der
              + (0).to_bytes(2, 'big'))
    sig = keys[log].sign(signed, ec.ECDSA(hashes.SHA256()))
    log_id = hashlib.sha256(spki(keys[log])).digest()
    return (b'\0' + log_id + ms.to_bytes(8, 'big') + b'\0\0' + b'\x04\x03'
            + len(sig).to_bytes(2, 'big') + sig)
def sct_list(items):
    body = b''.join(len(s).to_bytes(2, 'big') + s for s in items)
    return len(body).to_bytes(2, 'big') + body
ms = int(now.timestamp()) * 1000
tls = sct_list([sct('a', ms + 1), sct('b', ms + 2)])
stapled = sct_list([sct('a', ms + 3), sct('b', ms + 4)])
write('tls-scts.bin', tls)
write('ocsp-scts.bin', stapled)
ext = (18).to_bytes(2, 'big') + len(tls).to_bytes(2, 'big') + tls
write('serverinfo.pem', b'-----BEGIN SERVERINFO FOR CT-----\n' + base64.encodebytes(ext)
      + b'-----END SERVERINFO FOR CT-----\n')

# The OCSP response (RFC 6960 §4.2.1), signed by the root, the leaf's issuer: good, with the
# SCT list as a singleExtension (an OCTET STRING around the TLS-encoded list, RFC 6962 §3.3).
gtime = lambda t: tlv(0x18, t.strftime('%Y%m%d%H%M%SZ').encode())
root_name_der = root.subject.public_bytes()
root_key_bits = root_key.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
cert_id = seq(seq(oid('1.3.14.3.2.26'), b'\x05\x00'), octets(hashlib.sha1(root_name_der).digest()),
              octets(hashlib.sha1(root_key_bits).digest()), integer(leaf.serial_number))
single = seq(cert_id, b'\x80\x00', gtime(now), tlv(0xa0, gtime(now + datetime.timedelta(days=7))),
             tlv(0xa1, seq(seq(oid('1.3.6.1.4.1.11129.2.4.5'), octets(octets(stapled))))))
data = seq(tlv(0xa2, octets(hashlib.sha1(root_key_bits).digest())), gtime(now), seq(single))
signature = root_key.sign(data, ec.ECDSA(hashes.SHA256()))
basic = seq(data, seq(oid('1.2.840.10045.4.3.2')), bitstring(signature))
write('ocsp.der', seq(tlv(0x0a, b'\x00'), tlv(0xa0, seq(oid('1.3.6.1.5.5.7.48.1.1'), octets(basic)))))
write('made.txt', f'{int(now.timestamp())}\n'.encode())
