"""Writes certscope's generated lint corpus: certificates no lint rule was written against, whose
profiles vary along the axes a script can enumerate (issue 17). Written for certscope
(MIT OR Apache-2.0); run by hand, its output is committed:

    target/pkilint-venv/bin/python tests/pkilint/generate.py tests/data/pkilint/corpus/generated.pem
    tests/pkilint/run.sh          # then record what pkilint says of it

Every certificate is preceded by one line saying what was chosen for it (`# 0042 leaf
key=p256 sig=sha256 san=wildcard ...`), so a disagreement names its profile. The axes:

- kind: TLS subscriber certificates (most), subordinate CAs, roots, and client, S/MIME and
  code-signing leaves;
- key: RSA 1024/2048/3072/4096 and an odd 2056, ECDSA P-256/P-384/P-521 and secp256k1, Ed25519,
  Ed448, DSA 2048; the issuing CA is RSA 2048, RSA 4096, P-256 or P-384, signing with SHA-256,
  SHA-384 or SHA-512, PKCS#1 v1.5 or PSS (SHA-1, MD5, SHA-224 and SHA-3 come from OpenSSL);
- SAN shapes (one name, several, wildcard, IP addresses, e-mail, URI, internal names, upper
  case, underscore, IDN, none at all, an empty SAN), the common name (in the SAN, not in it,
  absent, too long) and its string type (PrintableString, UTF8String, BMPString,
  TeletexString), and the country's;
- key usage and extended key usage combinations (digitalSignature, keyEncipherment for each key
  type, keyCertSign in a leaf, none, not critical; serverAuth, clientAuth, both, anyEKU, code
  signing, e-mail protection, none);
- certificate policies (none, DV, OV, IV, EV, anyPolicy, with a CPS URI or user notice) and the
  CRL distribution point and AIA shapes (none, HTTP, LDAP, HTTPS, OCSP only, caIssuers only);
- validity lengths around each CA/B Forum ballot SC-081 boundary (398, 200, 100 and 47 days:
  a day and a second either side), issued before and after each date it takes effect;
- serial numbers (one byte, 8 bytes, 20 bytes, 21 bytes with a leading zero), basic
  constraints shapes and key identifiers.
"""
import datetime, ipaddress, sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, padding, rsa
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import ExtendedKeyUsageOID as EKU, NameOID, ObjectIdentifier

N = 2100
UTC = datetime.timezone.utc

_keys = {}


def key(label):
    """The key named `label` (a root's is `<kind>-root`), made once per run."""
    name = label.split("-")[0]
    if label not in _keys:
        if name.startswith("rsa"):
            _keys[label] = rsa.generate_private_key(65537, int(name[3:]))
        elif name == "dsa2048":
            _keys[label] = dsa.generate_private_key(2048)
        elif name == "ed25519":
            _keys[label] = ed25519.Ed25519PrivateKey.generate()
        elif name == "ed448":
            _keys[label] = ed448.Ed448PrivateKey.generate()
        else:
            curve = {"p256": ec.SECP256R1, "p384": ec.SECP384R1, "p521": ec.SECP521R1, "k256": ec.SECP256K1}[name]
            _keys[label] = ec.generate_private_key(curve())
    return _keys[label]


KEYS = ["rsa2048", "p256", "rsa3072", "p384", "rsa4096", "ed25519", "rsa1024", "p521", "k256", "rsa2056", "ed448", "dsa2048"]
ISSUERS = ["rsa2048", "p256", "p384", "rsa4096"]
HASHES = ["sha256", "sha384", "sha512", "sha256-pss", "sha512-pss", "sha256", "sha384-pss"]
SANS = ["one", "several", "wildcard", "ipv4", "ipv6", "email", "uri", "internal", "upper", "underscore",
        "idn", "none", "empty", "cn-only-ip", "trailing-dot", "bad-wildcard", "many"]
CNS = ["in-san", "absent", "not-in-san", "too-long", "printable", "bmp", "teletex", "utf8"]
COUNTRIES = ["none", "US", "utf8-US", "lower-us", "XX"]
KUS = ["ds", "ds-ke", "ke", "none", "ds-noncrit", "ds-certsign", "ds-crlsign", "ds-ka", "all"]
EKUS = ["server", "server-client", "none", "any", "server-code", "server-email", "client"]
POLICIES = ["dv", "ov", "iv", "ev", "none", "any", "dv-cps", "ov-notice", "dv-ov"]
CRL_AIA = ["both", "none", "cdp-http", "cdp-ldap", "ocsp-only", "issuers-only", "https", "cdp-critical", "aia-critical"]
SERIALS = ["8bytes", "1byte", "20bytes", "16bytes"]
# SC-081: 398 days until 2026-03-15, then 200, 100 from 2027-03-15, 47 from 2029-03-15.
BOUNDARIES = [(datetime.datetime(2025, 6, 1, tzinfo=UTC), 398), (datetime.datetime(2026, 3, 15, tzinfo=UTC), 200),
              (datetime.datetime(2027, 3, 15, tzinfo=UTC), 100), (datetime.datetime(2029, 3, 15, tzinfo=UTC), 47)]
LENGTHS = [(0, 0), (0, -1), (0, 1), (-1, 0), (1, 0), (0, 86400)]  # (days, seconds) around the maximum
IDS = ["ski-aki", "no-ski", "no-aki", "aki-issuer-serial"]
BCS = ["absent", "ca-false", "ca-false-noncrit"]


def pick(axis, i, stride):
    return axis[(i * stride + i // len(axis)) % len(axis)]


EV_VARIANTS = ["complete", "bad-category", "bare", "no-org"]


def name(cn, cn_kind, country, org=True, ev=None):
    attrs = []
    if ev in ("complete", "bad-category", "no-org"):
        category = "Private Org" if ev == "bad-category" else "Private Organization"
        attrs += [x509.NameAttribute(NameOID.BUSINESS_CATEGORY, category),
                  x509.NameAttribute(NameOID.JURISDICTION_COUNTRY_NAME, "US"),
                  x509.NameAttribute(NameOID.SERIAL_NUMBER, "C0123456")]
        org = ev != "no-org"
    if country != "none":
        value = {"US": "US", "utf8-US": "US", "lower-us": "us", "XX": "XX"}[country]
        tag = x509.name._ASN1Type.UTF8String if country == "utf8-US" else x509.name._ASN1Type.PrintableString
        attrs.append(x509.NameAttribute(NameOID.COUNTRY_NAME, value, tag))
    if org:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, "certscope generated corpus"))
    if cn is not None:
        tag = {"printable": x509.name._ASN1Type.PrintableString, "bmp": x509.name._ASN1Type.BMPString,
               "teletex": x509.name._ASN1Type.T61String}.get(cn_kind, x509.name._ASN1Type.UTF8String)
        if tag == x509.name._ASN1Type.PrintableString and any(c in cn for c in "*_@"):
            tag = x509.name._ASN1Type.UTF8String
        attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, cn, tag, _validate=len(cn) <= 64))
    return x509.Name(attrs)


def sans(shape, i):
    d = x509.DNSName
    host = f"host{i}.example.com"
    return {
        "one": [d(host)],
        "several": [d(host), d(f"www.host{i}.example.com"), d(f"api{i}.example.net")],
        "wildcard": [d(f"*.host{i}.example.com"), d(f"host{i}.example.com")],
        "ipv4": [d(host), x509.IPAddress(ipaddress.ip_address("203.0.113.7"))],
        "ipv6": [x509.IPAddress(ipaddress.ip_address("2001:db8::7")), d(host)],
        "email": [d(host), x509.RFC822Name(f"admin@host{i}.example.com")],
        "uri": [d(host), x509.UniformResourceIdentifier(f"https://host{i}.example.com/")],
        "internal": [d(f"server{i}.local"), d(f"intranet{i}")],
        "upper": [d(f"Host{i}.Example.COM")],
        "underscore": [d(f"_srv{i}.example.com"), d(host)],
        "idn": [d(f"xn--bcher-kva{i}.example"), d("xn--bcher-kva.com")],
        "none": None,
        "empty": [],
        "cn-only-ip": [x509.IPAddress(ipaddress.ip_address("192.0.2.1"))],
        "trailing-dot": [d(f"host{i}.example.com.")],
        "bad-wildcard": [d(f"w*.host{i}.example.com")],
        "many": [d(f"n{k}.host{i}.example.com") for k in range(40)],
    }[shape]


def first_name(general_names, i):
    for g in general_names or []:
        if isinstance(g, x509.DNSName):
            return g.value
        if isinstance(g, x509.IPAddress):
            return str(g.value)
    return f"host{i}.example.com"


def policy_ext(shape):
    oids = {"dv": ["2.23.140.1.2.1"], "ov": ["2.23.140.1.2.2"], "iv": ["2.23.140.1.2.3"], "ev": ["2.23.140.1.1"],
            "any": ["2.5.29.32.0"], "dv-cps": ["2.23.140.1.2.1"], "ov-notice": ["2.23.140.1.2.2"],
            "dv-ov": ["2.23.140.1.2.1", "2.23.140.1.2.2"]}.get(shape)
    if oids is None:
        return None
    qualifiers = None
    if shape == "dv-cps":
        qualifiers = ["https://pki.example.com/cps"]
    if shape == "ov-notice":
        qualifiers = [x509.UserNotice(None, "Generated for certscope's lint corpus")]
    infos = [x509.PolicyInformation(ObjectIdentifier(o), qualifiers) for o in oids]
    if shape == "ev":  # a CA's own EV policy beside the CA/B Forum's
        infos.append(x509.PolicyInformation(ObjectIdentifier("1.3.6.1.4.1.99999.1"), None))
    return x509.CertificatePolicies(infos)


def crl_aia(builder, shape):
    http_cdp = x509.DistributionPoint([x509.UniformResourceIdentifier("http://crl.pki.example.com/ca.crl")], None, None, None)
    if shape in ("both", "cdp-http", "cdp-critical"):
        builder = builder.add_extension(x509.CRLDistributionPoints([http_cdp]), critical=shape == "cdp-critical")
    if shape == "cdp-ldap":
        builder = builder.add_extension(x509.CRLDistributionPoints([x509.DistributionPoint(
            [x509.UniformResourceIdentifier("ldap://ldap.pki.example.com/cn=ca?certificateRevocationList")], None, None, None)]), critical=False)
    if shape == "https":
        builder = builder.add_extension(x509.CRLDistributionPoints([x509.DistributionPoint(
            [x509.UniformResourceIdentifier("https://crl.pki.example.com/ca.crl")], None, None, None)]), critical=False)
    ocsp = x509.AccessDescription(x509.AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier("http://ocsp.pki.example.com"))
    issuers = x509.AccessDescription(x509.AuthorityInformationAccessOID.CA_ISSUERS, x509.UniformResourceIdentifier("http://pki.example.com/ca.der"))
    aia = {"both": [ocsp, issuers], "cdp-http": [ocsp, issuers], "cdp-ldap": [ocsp, issuers], "ocsp-only": [ocsp],
           "issuers-only": [issuers], "cdp-critical": [ocsp, issuers], "aia-critical": [ocsp, issuers],
           "https": [x509.AccessDescription(x509.AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier("https://ocsp.pki.example.com"))]}.get(shape)
    if aia:
        builder = builder.add_extension(x509.AuthorityInformationAccess(aia), critical=shape == "aia-critical")
    return builder


def key_usage(shape, pub_kind, ca):
    if shape == "none":
        return None
    if ca:
        return x509.KeyUsage(shape == "ds" or shape == "all", False, False, False, False, True, True, False, False), True
    bits = dict(digital_signature=False, content_commitment=False, key_encipherment=False, data_encipherment=False,
                key_agreement=False, key_cert_sign=False, crl_sign=False, encipher_only=False, decipher_only=False)
    for part in shape.split("-"):
        if part == "ds":
            bits["digital_signature"] = True
        elif part == "ke":
            bits["key_encipherment"] = True
        elif part == "ka":
            bits["key_agreement"] = True
        elif part == "certsign":
            bits["key_cert_sign"] = True
        elif part == "crlsign":
            bits["crl_sign"] = True
        elif part == "all":
            bits.update(digital_signature=True, content_commitment=True, key_encipherment=True, data_encipherment=True)
    return x509.KeyUsage(**bits), shape != "ds-noncrit"


def eku(shape):
    return {"server": [EKU.SERVER_AUTH], "server-client": [EKU.SERVER_AUTH, EKU.CLIENT_AUTH], "none": None,
            "any": [x509.ObjectIdentifier("2.5.29.37.0")], "server-code": [EKU.SERVER_AUTH, EKU.CODE_SIGNING],
            "server-email": [EKU.SERVER_AUTH, EKU.EMAIL_PROTECTION], "client": [EKU.CLIENT_AUTH],
            "smime": [EKU.EMAIL_PROTECTION], "code": [EKU.CODE_SIGNING]}[shape]


def serial(shape, i):
    if shape == "1byte":
        return (i % 120) + 1
    if shape == "8bytes":
        return (0x7A5C << 48) | i
    if shape == "16bytes":
        return (0x5EED << 112) | i
    return (0x4C1D << 144) | i  # 20 bytes, positive


def sign_args(hash_name, issuer_kind):
    if issuer_kind in ("ed25519", "ed448"):
        return None, None
    alg = {"sha1": hashes.SHA1, "sha256": hashes.SHA256, "sha384": hashes.SHA384, "sha512": hashes.SHA512}[hash_name.split("-")[0]]()
    if hash_name.endswith("-pss") and issuer_kind.startswith("rsa"):
        return alg, padding.PSS(padding.MGF1(alg), alg.digest_size)
    return alg, None


def build(builder, issuer_kind, hash_name):
    alg, pad = sign_args(hash_name, issuer_kind)
    try:
        return builder.sign(key(issuer_kind), alg, rsa_padding=pad) if pad else builder.sign(key(issuer_kind), alg)
    except Exception:  # a key/hash pair this cryptography refuses: SHA-256 instead (the label says what was used)
        return builder.sign(key(issuer_kind), hashes.SHA256())


def signed(cert):
    name = cert.signature_algorithm_oid._name
    return cert.signature_algorithm_oid.dotted_string if name == "Unknown OID" or name == "Unknown" else name


def ids(builder, shape, pub, issuer_pub, issuer_name, issuer_serial):
    if shape != "no-ski":
        builder = builder.add_extension(x509.SubjectKeyIdentifier.from_public_key(pub), critical=False)
    if shape == "ski-aki" or shape == "no-ski":
        builder = builder.add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_pub), critical=False)
    if shape == "aki-issuer-serial":
        kid = x509.SubjectKeyIdentifier.from_public_key(issuer_pub).digest
        builder = builder.add_extension(x509.AuthorityKeyIdentifier(kid, [x509.DirectoryName(issuer_name)], issuer_serial), critical=False)
    return builder


# The CAs: one root per issuer key, each with a subordinate CA that issues the leaves.
ROOT_START = datetime.datetime(2020, 1, 1, tzinfo=UTC)
roots, subs = {}, {}
for kind in ISSUERS:
    rname = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "US"), x509.NameAttribute(NameOID.ORGANIZATION_NAME, "certscope generated corpus"),
                       x509.NameAttribute(NameOID.COMMON_NAME, f"certscope corpus root {kind}")])
    sname = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "US"), x509.NameAttribute(NameOID.ORGANIZATION_NAME, "certscope generated corpus"),
                       x509.NameAttribute(NameOID.COMMON_NAME, f"certscope corpus issuing CA {kind}")])
    roots[kind] = (rname, 1)
    subs[kind] = (sname, 2)


out = []


def emit(label, cert):
    out.append(f"# {label}\n" + cert.public_bytes(Encoding.PEM).decode())


for kind in ISSUERS:
    rname, rserial = roots[kind]
    pub, root = key(kind + "-root").public_key(), kind + "-root"
    b = (x509.CertificateBuilder().subject_name(rname).issuer_name(rname).public_key(pub).serial_number(rserial << 64 | 0x1234)
         .not_valid_before(ROOT_START).not_valid_after(ROOT_START + datetime.timedelta(days=365 * 25))
         .add_extension(x509.BasicConstraints(True, None), critical=True)
         .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
         .add_extension(x509.SubjectKeyIdentifier.from_public_key(pub), critical=False))
    emit(f"root-of-corpus key={kind}", build(b, root, "sha384" if kind.startswith("p") else "sha256"))
    sname, sserial = subs[kind]
    root_pub, pub = pub, key(kind).public_key()
    b = (x509.CertificateBuilder().subject_name(sname).issuer_name(rname).public_key(pub).serial_number(sserial << 64 | 0x5678)
         .not_valid_before(ROOT_START).not_valid_after(ROOT_START + datetime.timedelta(days=365 * 10))
         .add_extension(x509.BasicConstraints(True, 0), critical=True)
         .add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False), critical=True)
         .add_extension(x509.ExtendedKeyUsage([EKU.SERVER_AUTH, EKU.CLIENT_AUTH]), critical=False)
         .add_extension(x509.SubjectKeyIdentifier.from_public_key(pub), critical=False)
         .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(root_pub), critical=False))
    b = crl_aia(b, "both")
    emit(f"issuing-ca-of-corpus key={kind}", build(b, root, "sha384" if kind.startswith("p") else "sha256"))

# The varied certificates.
for i in range(N):
    r = i % 20
    kind = "sub-ca" if r == 0 else "root" if r == 1 else "client" if r == 2 else "smime" if r == 3 else "code" if r == 4 else "leaf"
    subject_key = pick(KEYS, i, 5)
    issuer = pick(ISSUERS, i, 3)
    hash_name = pick(HASHES, i, 2)
    san_shape, cn_kind = pick(SANS, i, 7), pick(CNS, i, 3)
    country, ku_shape, eku_shape = pick(COUNTRIES, i, 2), pick(KUS, i, 5), pick(EKUS, i, 3)
    policy, crl_shape, serial_shape = pick(POLICIES, i, 4), pick(CRL_AIA, i, 5), pick(SERIALS, i, 3)
    boundary_start, max_days = pick(BOUNDARIES, i, 3)
    days, seconds = pick(LENGTHS, i, 5)
    id_shape, bc_shape = pick(IDS, i, 3), pick(BCS, i, 2)
    # Issued a few days either side of the boundary date.
    offset = pick([-2, 0, 3, 40], i, 3)
    not_before = boundary_start + datetime.timedelta(days=offset)
    if offset < 0 and max_days < 398:  # before this boundary, the previous maximum applied
        max_days = {200: 398, 100: 200, 47: 100}[max_days]
    not_after = not_before + datetime.timedelta(days=max_days + days, seconds=seconds)

    pub = key(subject_key).public_key()
    if kind in ("sub-ca", "root"):
        iname, iserial = (None, None) if kind == "root" else roots[issuer]
        cn = f"certscope corpus CA {i}"
        sname = name(cn, cn_kind if cn_kind in ("printable", "utf8", "bmp") else "utf8", country if country != "none" else "US")
        if kind == "root":
            iname = sname
        b = (x509.CertificateBuilder().subject_name(sname).issuer_name(iname).public_key(pub)
             .serial_number(serial(serial_shape, i)).not_valid_before(ROOT_START + datetime.timedelta(days=i % 400))
             .not_valid_after(ROOT_START + datetime.timedelta(days=(i % 400) + 365 * pick([5, 10, 25, 30], i, 1)))
             .add_extension(x509.BasicConstraints(True, pick([None, 0, 1], i, 1)), critical=pick([True, True, False], i, 2)))
        ku = key_usage(ku_shape, subject_key, True)
        if ku:
            b = b.add_extension(ku[0], critical=ku[1])
        ski_pub = pub if kind == "root" else key(issuer + "-root").public_key()
        b = ids(b, id_shape, pub, ski_pub, iname, iserial or 1)
        if kind == "sub-ca":
            b = crl_aia(b, crl_shape)
            if eku_shape in ("server", "server-client", "client"):
                b = b.add_extension(x509.ExtendedKeyUsage(eku(eku_shape)), critical=False)
            pol = policy_ext(policy)
            if pol:
                b = b.add_extension(pol, critical=False)
        cert = build(b, issuer + "-root" if kind == "sub-ca" else subject_key, hash_name)
        signer_kind = issuer if kind == "sub-ca" else subject_key
        emit(f"{i:04d} {kind} key={subject_key} signer={signer_kind} sig={signed(cert)} cn={cn_kind} c={country} ku={ku_shape} eku={eku_shape if kind == 'sub-ca' else '-'} "
             f"policy={policy if kind == 'sub-ca' else '-'} crl-aia={crl_shape if kind == 'sub-ca' else '-'} serial={serial_shape} ids={id_shape}", cert)
        continue

    if kind in ("client", "smime", "code"):
        eku_shape = {"client": "client", "smime": "smime", "code": "code"}[kind]
        san_shape = "email" if kind == "smime" else san_shape
    general = sans(san_shape, i)
    cn = {"in-san": first_name(general, i), "absent": None, "not-in-san": f"other{i}.example.org",
          "too-long": "a" * 60 + f"{i}.example.com"}.get(cn_kind, first_name(general, i))
    if san_shape == "cn-only-ip" and cn_kind in ("in-san", "printable", "utf8"):
        cn = "192.0.2.1"
    iname, iserial = subs[issuer]
    ev = EV_VARIANTS[(i // 20) % 4] if policy == "ev" else None
    b = (x509.CertificateBuilder().subject_name(name(cn, cn_kind, country, org=policy not in ("dv", "dv-cps"), ev=ev))
         .issuer_name(iname).public_key(pub).serial_number(serial(serial_shape, i))
         .not_valid_before(not_before).not_valid_after(not_after))
    if general is not None:
        b = b.add_extension(x509.SubjectAlternativeName(general), critical=cn is None)
    ku = key_usage(ku_shape, subject_key, False)
    if ku:
        b = b.add_extension(ku[0], critical=ku[1])
    ekus = eku(eku_shape)
    if ekus:
        b = b.add_extension(x509.ExtendedKeyUsage(ekus), critical=False)
    if bc_shape != "absent":
        b = b.add_extension(x509.BasicConstraints(False, None), critical=bc_shape == "ca-false")
    pol = policy_ext(policy)
    if pol:
        b = b.add_extension(pol, critical=False)
    b = crl_aia(b, crl_shape)
    b = ids(b, id_shape, pub, key(issuer).public_key(), roots[issuer][0], subs[issuer][1])
    cert = build(b, issuer, hash_name)
    emit(f"{i:04d} {kind} key={subject_key} signer={issuer} sig={signed(cert)} san={san_shape} cn={cn_kind} c={country} ku={ku_shape} eku={eku_shape} "
         f"policy={policy}{'/' + ev if ev else ''} crl-aia={crl_shape} serial={serial_shape} ids={id_shape} bc={bc_shape} "
         f"issued={not_before.date()} days={max_days}{days:+d}d{seconds:+d}s", cert)

# OpenSSL's own encodings and what cryptography will not sign: SHA-1, MD5, SHA-224 and SHA-3
# digests, version 1 certificates, its string types, and extensions written in its config syntax.
OPENSSL_EXTENSIONS = {
    "v1": None,
    "plain": "subjectAltName=DNS:plain.example.com\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n",
    "ns-comment": "subjectAltName=DNS:ns.example.com\nnsComment=made by openssl\nnsCertType=server\n",
    "dirname": "subjectAltName=DNS:d.example.com,dirName:dir_sect,otherName:1.3.6.1.4.1.311.20.2.3;UTF8:u@example.com,RID:1.2.3.4\n[dir_sect]\nCN=in a directory name\n",
    "ocsp-signing": "keyUsage=critical,digitalSignature\nextendedKeyUsage=OCSPSigning\nnoCheck=ignored\n",
    "tls-feature": "subjectAltName=DNS:must-staple.example.com\ntlsfeature=status_request\nextendedKeyUsage=serverAuth,clientAuth\n",
    "poison": "subjectAltName=DNS:precert.example.com\n1.3.6.1.4.1.11129.2.4.3=critical,ASN1:NULL\nextendedKeyUsage=serverAuth\n",
    "ian": "subjectAltName=DNS:ian.example.com\nissuerAltName=URI:http://ca.example.com/\nextendedKeyUsage=serverAuth\n",
    "nonrepudiation": "subjectAltName=email:a@example.com\nkeyUsage=critical,nonRepudiation\n",
    "policy-constraints": "basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\npolicyConstraints=critical,requireExplicitPolicy:0\ninhibitAnyPolicy=critical,1\nnameConstraints=critical,permitted;DNS:example.com\n",
    "aki-issuer": "subjectAltName=DNS:aki.example.com\nauthorityKeyIdentifier=keyid,issuer:always\nextendedKeyUsage=serverAuth\ncertificatePolicies=2.23.140.1.2.1\n",
    "cps": "subjectAltName=DNS:cps.example.com\nextendedKeyUsage=serverAuth\ncertificatePolicies=@pol\n[pol]\npolicyIdentifier=2.23.140.1.2.2\nCPS.1=http://cps.example.com\nuserNotice.1=@notice\n[notice]\nexplicitText=UTF8:a notice\n",
}
SUBJECTS = {"utf8only": "/C=US/O=OpenSSL corpus/CN={h}", "nombstr": "/C=US/O=OpenSSL \xc3\xa9t\xc3\xa9/CN={h}",
            "pkix": "/C=US/ST=Somewhere/L=Town/O=OpenSSL corpus/OU=Unit/CN={h}", "default": "/C=US/O=OpenSSL corpus/CN={h}"}


def openssl_corpus():
    import os, subprocess, tempfile
    run = lambda *a, **k: subprocess.run(a, check=True, capture_output=True, **k)
    made = []
    with tempfile.TemporaryDirectory() as d:
        p = lambda n: os.path.join(d, n)
        for ca in ("rsa", "ec"):
            keyopt = ["-newkey", "rsa:2048"] if ca == "rsa" else ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"]
            run("openssl", "req", "-x509", *keyopt, "-nodes", "-keyout", p(f"{ca}.key"), "-out", p(f"{ca}.pem"),
                "-subj", f"/C=US/O=OpenSSL corpus/CN=OpenSSL corpus CA {ca}", "-days", "3650", "-sha256")
        run("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", p("leaf.key"))
        n = 0
        for ext_name, ext in OPENSSL_EXTENSIONS.items():
            for digest in ("sha1", "md5", "sha224", "sha256", "sha3-256", "sha512"):
                for ca in ("rsa", "ec"):
                    if ca == "ec" and digest in ("md5",):
                        continue
                    mask = list(SUBJECTS)[n % len(SUBJECTS)]
                    days = [90, 199, 200, 201, 397, 398, 399, 825][n % 8]
                    host = f"openssl{n}.example.com"
                    cfg = p("req.cnf")
                    with open(cfg, "w") as f:
                        f.write(f"[req]\ndistinguished_name=dn\nstring_mask={mask}\nutf8=yes\n[dn]\n")
                    run("openssl", "req", "-new", "-key", p("leaf.key"), "-out", p("leaf.csr"), "-config", cfg,
                        "-subj", SUBJECTS[mask].format(h=host), "-utf8")
                    args = ["openssl", "x509", "-req", "-in", p("leaf.csr"), "-CA", p(f"{ca}.pem"), "-CAkey", p(f"{ca}.key"),
                            "-set_serial", str(0x0550 << 64 | n), "-days", str(days), f"-{digest}", "-out", p("leaf.pem")]
                    if ext:
                        with open(p("ext.cnf"), "w") as f:
                            f.write("[ext]\n" + ext)
                        args += ["-extfile", p("ext.cnf"), "-extensions", "ext"]
                    try:
                        run(*args)
                    except subprocess.CalledProcessError:
                        continue  # this OpenSSL will not make that pair
                    cert = x509.load_pem_x509_certificate(open(p("leaf.pem"), "rb").read())
                    made.append((f"openssl-{n:03d} ext={ext_name} signer={ca} sig={signed(cert)} names={mask} days={days}", cert))
                    n += 1
    return made


for label, cert in openssl_corpus():
    emit(label, cert)

with open(sys.argv[1], "w") as f:
    import cryptography, subprocess
    openssl = subprocess.run(["openssl", "version"], capture_output=True, text=True).stdout.strip()
    f.write("# certscope's generated lint corpus, written by tests/pkilint/generate.py with Python's\n"
            f"# cryptography {cryptography.__version__} and {openssl} on {datetime.date.today()}.\n"
            "# Not a trusted PKI; the keys were thrown away. MIT OR Apache-2.0.\n")
    f.write("".join(out))
print(f"{len(out)} certificates written to {sys.argv[1]}")
