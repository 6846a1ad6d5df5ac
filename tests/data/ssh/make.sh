#!/usr/bin/env bash
# Makes the OpenSSH fixtures with ssh-keygen (OpenSSH 9.2, Debian 12): CAs, keys, user and
# host certificates, and `ssh-keygen -L` of each certificate, the cross-check of certscope's
# reading (TZ=UTC: -L prints validity in local time). Private keys are deleted afterwards.
set -euo pipefail
cd "$(dirname "$0")"
export TZ=UTC
rm -f ./*.pub ./*.L.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ssh-keygen -q -t ed25519 -N '' -C 'user-ca@example.com' -f "$tmp/user_ca"
ssh-keygen -q -t rsa -b 3072 -N '' -C 'host-ca@example.com' -f "$tmp/host_ca"
ssh-keygen -q -t ecdsa -b 256 -N '' -C 'alice@laptop' -f "$tmp/alice"
ssh-keygen -q -t ed25519 -N '' -C 'root@web01' -f "$tmp/web01"
ssh-keygen -q -t ecdsa -b 384 -N '' -C 'ci@runner' -f "$tmp/ci"
ssh-keygen -q -t ecdsa -b 521 -N '' -C 'ops-ca@example.com' -f "$tmp/ops_ca"
cp "$tmp/user_ca.pub" user-ca.pub
cp "$tmp/host_ca.pub" host-ca.pub
cp "$tmp/alice.pub" alice.pub
# A 1024-bit RSA key (weak), and a 4096-bit one (not).
ssh-keygen -q -t rsa -b 1024 -N '' -C 'old@box' -f "$tmp/old"
cp "$tmp/old.pub" rsa1024.pub
ssh-keygen -q -t rsa -b 4096 -N '' -C 'big@box' -f "$tmp/big"
cp "$tmp/big.pub" rsa4096.pub
# A user certificate: two principals, a year, the default extensions.
ssh-keygen -q -s "$tmp/user_ca" -I 'alice@example.com' -n alice,admin -z 4242 -V 20260101000000:20270101000000 "$tmp/alice.pub"
cp "$tmp/alice-cert.pub" alice-cert.pub
# A host certificate signed by an RSA CA (rsa-sha2-512).
ssh-keygen -q -s "$tmp/host_ca" -h -I 'web01.example.com' -n web01.example.com,web01 -z 7 -V 20260101000000:20280101000000 "$tmp/web01.pub"
cp "$tmp/web01-cert.pub" web01-cert.pub
# A restricted, expired certificate: critical options, no pty or port forwarding.
ssh-keygen -q -s "$tmp/user_ca" -I 'ci-deploy' -n deploy -z 9 -V 20250101000000:20250201000000 \
  -O clear -O force-command=/usr/local/bin/deploy -O source-address=192.0.2.0/24 -O permit-agent-forwarding "$tmp/ci.pub"
cp "$tmp/ci-cert.pub" ci-expired-cert.pub
# A certificate valid for every principal (no -n): anyone the CA's key is trusted for.
ssh-keygen -q -s "$tmp/user_ca" -I 'anyone' -z 10 -V 20260101000000:20270101000000 "$tmp/web01.pub"
cp "$tmp/web01-cert.pub" any-principal-cert.pub
# An ECDSA P-521 CA (ecdsa-sha2-nistp521 signature) on a short-lived ops certificate.
ssh-keygen -q -s "$tmp/ops_ca" -I 'bob-oncall' -n bob -z 11 -V 20260527000000:20260529000000 "$tmp/alice.pub"
cp "$tmp/alice-cert.pub" ops-p521-cert.pub
for c in alice-cert web01-cert ci-expired-cert any-principal-cert ops-p521-cert; do
  ssh-keygen -L -f "$c.pub" > "$c.L.txt"
done
# Public keys' fingerprints as OpenSSH prints them.
for k in user-ca host-ca alice rsa1024 rsa4096; do ssh-keygen -l -f "$k.pub" > "$k.l.txt"; done
# authorized_keys and known_hosts lines: options and markers before the key.
{ echo '# the user CA, trusted for two principals'; printf 'cert-authority,principals="alice,deploy" '; cat user-ca.pub; } > authorized_keys
{ printf '@cert-authority *.example.com '; cat host-ca.pub; } > known_hosts
# The user certificate with one byte of its key id changed: the signature no longer matches.
python3 - <<'PY'
import base64
kind, blob, comment = open('alice-cert.pub').read().split(' ', 2)
raw = bytearray(base64.b64decode(blob))
at = raw.find(b'alice@example.com')
raw[at] = ord('A')
open('alice-tampered-cert.pub', 'w').write(f"{kind} {base64.b64encode(bytes(raw)).decode()} {comment}")

# 10,000 principals (ssh-keygen stops at 256): the ECDSA user certificate's principal list
# replaced by hand, so its signature no longer matches. Hostile: the list must stay bounded.
import struct
raw = base64.b64decode(blob)
def string(at):
    n = struct.unpack('>I', raw[at:at + 4])[0]
    return at + 4 + n
at = string(0)           # key type
at = string(at)          # nonce
at = string(string(at))  # curve, Q
at += 8 + 4              # serial, type
at = string(at)          # key id
end = string(at)         # principals
names = b''.join(struct.pack('>I', len(n)) + n for n in (f'user{i}'.encode() for i in range(1, 10001)))
raw = raw[:at] + struct.pack('>I', len(names)) + names + raw[end:]
open('many-principals-cert.pub', 'w').write(f"{kind} {base64.b64encode(raw).decode()} {comment}")
PY
