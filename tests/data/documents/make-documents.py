#!/usr/bin/python3
"""Makes the document fixtures (SAML metadata and messages, JWK Sets) in this folder.

Keys and certificates are generated here with Python `cryptography`; JWKs are written by
PyJWT (Debian python3-jwt, `RSAAlgorithm.to_jwk` and friends), as services that publish a
jwks.json do. The XML follows the SAML 2.0 metadata schema as IdPs (Shibboleth, Keycloak)
write it. Run from anywhere: /usr/bin/python3 tests/data/documents/make-documents.py
"""
import base64, datetime, hashlib, json, os

import jwt
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509.oid import NameOID

HERE = os.path.dirname(os.path.abspath(__file__))
# Fixed dates, so findings stay the same whenever the tests run (they judge at 2026-05-28).
T0 = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
DAY = datetime.timedelta(days=1)


def cert(cn, key, not_before, not_after, issuer=None, issuer_key=None, ca=False):
    issuer = issuer or cn
    b = (x509.CertificateBuilder()
         .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)]))
         .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
         .public_key(key.public_key())
         .serial_number(x509.random_serial_number())
         .not_valid_before(not_before).not_valid_after(not_after)
         .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    signer = issuer_key or key
    algorithm = None if isinstance(signer, ed25519.Ed25519PrivateKey) else hashes.SHA256()
    return b.sign(signer, algorithm)


def der(c):
    return c.public_bytes(serialization.Encoding.DER)


def b64(c, wrap=False):
    text = base64.b64encode(der(c)).decode()
    if wrap:
        text = "\n".join(text[i:i + 64] for i in range(0, len(text), 64))
    return text


def b64url(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def write(name, text):
    with open(os.path.join(HERE, name), "w") as f:
        f.write(text)


def key_descriptor(use, c):
    use_attr = f' use="{use}"' if use else ""
    return f"""    <md:KeyDescriptor{use_attr}>
      <ds:KeyInfo>
        <ds:X509Data>
          <ds:X509Certificate>
{b64(c, wrap=True)}
          </ds:X509Certificate>
        </ds:X509Data>
      </ds:KeyInfo>
    </md:KeyDescriptor>
"""


rsa_key = lambda bits=2048: rsa.generate_private_key(public_exponent=65537, key_size=bits)

# --- SAML: an IdP in the middle of a signing-key rollover ----------------------------------
old, new, enc = rsa_key(), rsa_key(), rsa_key()
old_c = cert("idp.example.org signing 2025", old, T0 - 300 * DAY, T0 + 200 * DAY)
new_c = cert("idp.example.org signing 2026", new, T0, T0 + 3 * 365 * DAY)
enc_c = cert("idp.example.org encryption", enc, T0, T0 + 3 * 365 * DAY)
write("idp-metadata.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://idp.example.org/idp/shibboleth">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" WantAuthnRequestsSigned="false">
{key_descriptor("signing", old_c)}{key_descriptor("signing", new_c)}{key_descriptor("encryption", enc_c)}    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.org/idp/profile/SAML2/Redirect/SLO"/>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.example.org/idp/profile/SAML2/POST/SSO"/>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.org/idp/profile/SAML2/Redirect/SSO"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>
""")

# --- SAML: an SP with expired metadata, an expired key and a plain-HTTP endpoint ----------
sp = rsa_key()
sp_c = cert("sp.example.com", sp, T0 - 800 * DAY, T0 - 30 * DAY)
write("sp-metadata.xml", f"""<?xml version="1.0"?>
<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://sp.example.com/saml" validUntil="2026-02-01T00:00:00Z">
  <SPSSODescriptor AuthnRequestsSigned="true" WantAssertionsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
{key_descriptor(None, sp_c).replace("md:", "")}    <AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="http://sp.example.com/saml/acs" index="0" isDefault="true"/>
  </SPSSODescriptor>
</EntityDescriptor>
""")

# --- SAML: a response carrying the signer's certificate (structure only; the signature
# values are placeholders, certscope names the certificate and never checks the signature) --
write("saml-response.xml", f"""<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r1" Version="2.0" IssueInstant="2026-05-28T10:00:00Z" Destination="https://sp.example.com/saml/acs">
  <saml:Issuer>https://idp.example.org/idp/shibboleth</saml:Issuer>
  <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
    <ds:SignedInfo><ds:Reference URI="#_r1"/></ds:SignedInfo>
    <ds:SignatureValue>cGxhY2Vob2xkZXI=</ds:SignatureValue>
    <ds:KeyInfo><ds:X509Data><ds:X509Certificate>{b64(new_c)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>
  </ds:Signature>
  <samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>
</samlp:Response>
""")

# --- Hostile XML: entity expansion must not happen ------------------------------------------
lol = "\n".join(f'  <!ENTITY lol{i} "{"&lol%d;" % (i - 1) * 10}">' for i in range(1, 10))
write("hostile-billion-laughs.xml", f"""<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol0 "lol">
{lol}
]>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="&lol9;"><ds:X509Certificate xmlns:ds="http://www.w3.org/2000/09/xmldsig#">&lol9;</ds:X509Certificate></md:EntityDescriptor>
""")


# --- JWKS: a good set, as an OIDC provider publishes it -------------------------------------
def jwk(algorithm, public_key, **extra):
    j = json.loads(algorithm.to_jwk(public_key))
    j.update(extra)
    return j


ca = ec.generate_private_key(ec.SECP384R1())
ca_c = cert("Example Signing CA", ca, T0, T0 + 3650 * DAY, ca=True)
signer = rsa_key()
signer_c = cert("oidc.example.org token signing", signer, T0, T0 + 365 * DAY, issuer="Example Signing CA", issuer_key=ca)
ec_key = ec.generate_private_key(ec.SECP256R1())
ed_key = ed25519.Ed25519PrivateKey.generate()
rsa_jwk = jwk(jwt.algorithms.RSAAlgorithm, signer.public_key(), kid="rsa-2026", use="sig", alg="RS256",
              x5c=[b64(signer_c), b64(ca_c)],
              x5t=b64url(hashlib.sha1(der(signer_c)).digest()),
              **{"x5t#S256": b64url(hashlib.sha256(der(signer_c)).digest())})
keys = [rsa_jwk,
        jwk(jwt.algorithms.ECAlgorithm, ec_key.public_key(), kid="ec-2026", use="sig", alg="ES256"),
        jwk(jwt.algorithms.OKPAlgorithm, ed_key.public_key(), kid="ed-2026", use="sig", alg="EdDSA")]
write("jwks.json", json.dumps({"keys": keys}, indent=2) + "\n")


# RFC 7638 §3.2's canonical JSON, computed here independently of certscope.
def thumbprint(j):
    required = {"RSA": ["e", "kty", "n"], "EC": ["crv", "kty", "x", "y"], "OKP": ["crv", "kty", "x"]}[j["kty"]]
    canonical = json.dumps({m: j[m] for m in required}, separators=(",", ":"), sort_keys=True)
    return b64url(hashlib.sha256(canonical.encode()).digest())


write("jwks.thumbprints", "".join(f"{k['kid']} {thumbprint(k)}\n" for k in keys))

# --- JWKS: everything wrong at once ---------------------------------------------------------
weak = rsa_key(1024)
other = rsa_key()
bad = [
    # x5c holds another key's certificate; x5t is of nothing.
    jwk(jwt.algorithms.RSAAlgorithm, other.public_key(), kid="dup", use="sig", alg="RS256",
        x5c=[b64(signer_c)], x5t=b64url(b"\0" * 20)),
    # A private key published, sharing a kid.
    json.loads(jwt.algorithms.ECAlgorithm.to_jwk(ec_key)) | {"kid": "dup"},
    # Too small, and no kid.
    jwk(jwt.algorithms.RSAAlgorithm, weak.public_key(), alg="RS256"),
]
write("jwks-bad.json", json.dumps({"keys": bad}, indent=2) + "\n")
