"""pkilint, DigiCert's linter (PyPI `pkilint`), as certscope's second lint oracle: its CA/B Forum
TLS Baseline Requirements linter (what `lint_cabf_serverauth_cert lint --detect` runs, with its
certificate-type detection and its finding filters) over every certificate of the corpus, in one
process. Written for certscope (MIT OR Apache-2.0).

Usage: python3 run.py CORPUS.txt OUT.json
  CORPUS.txt: one certificate per line, `<sha256 hex> <base64 DER>` (tests/pkilint.rs writes it)
  OUT.json:   {"pkilint": version, "certificates": {sha256: {"type": ..., "findings": {code: severity}}}}
              a certificate pkilint cannot decode gets {"error": message}
"""
import base64, json, logging, multiprocessing, sys, warnings
from importlib.metadata import version

from pkilint import loader, finding_filter
from pkilint.cabf import serverauth
from pkilint.pkix import certificate


def lint(der, name):
    cert = loader.RFC5280CertificateDocumentLoader().load_der_document(der, name)
    kind = serverauth.determine_certificate_type(cert)
    validator = certificate.create_pkix_certificate_validator_container(
        serverauth.create_decoding_validators(), serverauth.create_validators(kind))
    results = validator.validate(cert.root)
    results, _ = finding_filter.filter_results(serverauth.create_serverauth_finding_filters(kind), results)
    findings = {}
    for result in results:
        for d in result.finding_descriptions:
            findings[d.finding.code] = str(d.finding.severity)
    return {"type": kind.to_option_str, "findings": findings}


def one(line):
    logging.disable(logging.CRITICAL)  # validators that throw are logged by pkilint; not findings
    warnings.simplefilter("ignore")
    digest, b64 = line.split()
    try:
        return digest, lint(base64.b64decode(b64), digest)
    except Exception as e:  # pkilint refuses what it cannot decode; recorded as such
        return digest, {"error": f"{type(e).__name__}: {e}"[:200]}


if __name__ == "__main__":
    lines = [l for l in open(sys.argv[1]) if len(l.split()) == 2]
    with multiprocessing.Pool() as pool:  # one process per core: pkilint is pure Python
        out = dict(pool.imap(one, lines, chunksize=16))
    json.dump({"pkilint": version("pkilint"), "certificates": out}, open(sys.argv[2], "w"), indent=0, sort_keys=True)
