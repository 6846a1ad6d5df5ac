#!/usr/bin/env bash
# Makes files people mistake for certificates: Java keystores (keytool) holding the formats
# root certificate, an OpenSSH public key and an OpenSSH user certificate (ssh-keygen). The
# SSH private keys are made in a temporary folder and deleted.
set -euo pipefail
cd "$(dirname "$0")"
rm -f truststore.jks truststore.jceks ssh-ed25519.pub ssh-ed25519-cert.pub
for type in JKS JCEKS; do
  keytool -importcert -noprompt -alias root -file ../formats/root.pem -storetype $type \
    -storepass changeit -keystore "truststore.$(echo $type | tr 'A-Z' 'a-z')" 2>/dev/null
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ssh-keygen -q -t ed25519 -N '' -C user@certscope.test -f "$work/user"
ssh-keygen -q -t ed25519 -N '' -C ca@certscope.test -f "$work/ca"
ssh-keygen -q -s "$work/ca" -I user@certscope.test -n user -V +52w "$work/user.pub"
cp "$work/user.pub" ssh-ed25519.pub
cp "$work/user-cert.pub" ssh-ed25519-cert.pub
