#!/usr/bin/env bash
# Makes files people mistake for certificates: Java keystores (keytool) holding the formats
# root certificate, an OpenSSH public key and an OpenSSH user certificate (ssh-keygen), and an
# OpenPGP public key (gpg). The private keys are made in a temporary folder and deleted.
set -euo pipefail
cd "$(dirname "$0")"
rm -f truststore.jks truststore.jceks ssh-ed25519.pub ssh-ed25519-cert.pub pgp-public-key.asc
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
# An OpenPGP public key (gpg, in a throwaway home; the secret key is deleted with it).
export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"
gpg --batch --quiet --passphrase '' --quick-gen-key 'certscope test <pgp@certscope.test>' ed25519 sign 1y
gpg --batch --quiet --armor --export pgp@certscope.test > pgp-public-key.asc
