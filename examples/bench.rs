//! Native benchmark: certscope's full report against raw parsing with x509-cert and
//! x509-parser, on the same corpus as bench/node.mjs (Mozilla roots + generated, repeated).
//!
//!   cargo run --release --example bench -- [CERTS] [RUNS]

use std::time::Instant;

use x509_cert::der::Decode;

fn corpus(target: usize) -> Vec<Vec<u8>> {
    let mut pems = String::new();
    for dir in ["tests/data/roots", "tests/data/generated"] {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        for f in files
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "pem"))
        {
            pems.push_str(&std::fs::read_to_string(f).unwrap_or_default());
        }
    }
    let mut unique: Vec<Vec<u8>> = Vec::new();
    for block in pems.split("-----BEGIN CERTIFICATE-----").skip(1) {
        let body: String = block
            .split("-----END")
            .next()
            .unwrap_or("")
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let der = base64ct_decode(&body);
        if !unique.contains(&der) {
            unique.push(der);
        }
    }
    unique.iter().cycle().take(target).cloned().collect()
}

fn base64ct_decode(s: &str) -> Vec<u8> {
    use base64ct::Encoding;
    base64ct::Base64::decode_vec(s).unwrap_or_default()
}

fn pem(der: &[u8]) -> String {
    use base64ct::Encoding;
    let body = base64ct::Base64::encode_string(der);
    let lines: Vec<&str> = body
        .as_bytes()
        .chunks(64)
        .filter_map(|l| std::str::from_utf8(l).ok())
        .collect();
    format!(
        "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
        lines.join("\n")
    )
}

fn time(label: &str, runs: usize, certs: usize, mut f: impl FnMut() -> usize) -> f64 {
    assert_eq!(f(), certs, "{label} did not read every certificate"); // warm-up and check
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let at = |i: usize| times.get(i).copied().unwrap_or(f64::NAN);
    let median = at(times.len() / 2);
    let rate = certs as f64 / median;
    println!(
        "| {label} | {:.1} ({:.1}–{:.1}) | {rate:.0} |",
        median * 1000.0,
        at(0) * 1000.0,
        at(times.len().saturating_sub(1)) * 1000.0
    );
    rate
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let (target, runs) = (
        args.first().copied().unwrap_or(10_000),
        args.get(1).copied().unwrap_or(5),
    );
    let ders = corpus(target);
    // One input per 4,000 certificates (under the 8 MiB limit), as the npm benchmark does.
    let inputs: Vec<Vec<u8>> = ders.chunks(4000).map(|c| c.concat()).collect();
    let pem_inputs: Vec<String> = ders
        .chunks(4000)
        .map(|c| c.iter().map(|d| pem(d)).collect())
        .collect();
    println!(
        "{} certificates, {runs} runs after a warm-up (release build)\n",
        ders.len()
    );
    println!("| what | median ms (min–max) | certs/s |\n|---|---|---|");
    let options = certscope::Options::at(1_795_737_600).roots(certscope::Roots::None);
    let full = time("certscope inspect (full report)", runs, ders.len(), || {
        inputs
            .iter()
            .map(|i| certscope::inspect(i, &options).map_or(0, |r| r.certificates.len()))
            .sum()
    });
    let summary = time("certscope summarize (DER)", runs, ders.len(), || {
        inputs
            .iter()
            .map(|i| certscope::summarize(i).map_or(0, |s| s.certificates.len()))
            .sum()
    });
    time("certscope summarize (PEM text)", runs, ders.len(), || {
        pem_inputs
            .iter()
            .map(|i| certscope::summarize(i.as_bytes()).map_or(0, |s| s.certificates.len()))
            .sum()
    });
    let cert = time("x509-cert parse only", runs, ders.len(), || {
        ders.iter()
            .filter(|d| x509_cert::Certificate::from_der(d).is_ok())
            .count()
    });
    let parser = time("x509-parser parse only", runs, ders.len(), || {
        ders.iter()
            .filter(|d| x509_parser::parse_x509_certificate(d).is_ok())
            .count()
    });
    println!(
        "\ncertscope's listing costs {:.1}× an x509-cert parse.",
        cert / summary
    );
    println!(
        "certscope's full report costs {:.1}× an x509-cert parse and {:.1}× an x509-parser parse.",
        cert / full,
        parser / full
    );
}
