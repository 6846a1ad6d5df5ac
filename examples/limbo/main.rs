//! x509-limbo harness: `cargo run --release --example limbo -- [--profile strict|browser|rfc5280] FILE`
//!
//! Prints the standard harness result JSON on stdout and a summary on stderr.

mod harness;

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut profile = certscope::Profile::Strict;
    let mut file = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--profile" => match args.next().as_deref() {
                Some("strict") => profile = certscope::Profile::Strict,
                Some("browser") => profile = certscope::Profile::Browser,
                Some("rfc5280") => profile = certscope::Profile::Rfc5280,
                other => {
                    eprintln!("limbo: --profile takes strict, browser or rfc5280, not {other:?}");
                    return ExitCode::from(2);
                }
            },
            _ => file = Some(arg),
        }
    }
    let Some(file) = file else {
        eprintln!("usage: limbo [--profile strict|browser|rfc5280] LIMBO.json");
        return ExitCode::from(2);
    };
    let limbo: harness::Limbo = match std::fs::read(&file)
        .map_err(|e| e.to_string())
        .and_then(|b| serde_json::from_slice(&b).map_err(|e| e.to_string()))
    {
        Ok(l) => l,
        Err(e) => {
            eprintln!("limbo: {file}: {e}");
            return ExitCode::from(2);
        }
    };
    let started = std::time::Instant::now();
    let mut results = Vec::new();
    let (mut correct, mut success_cases, mut success_ok) = (0usize, 0usize, 0usize);
    let (mut contested, mut contested_ok) = (0usize, 0usize);
    for case in &limbo.testcases {
        let (actual, context) = harness::run(case, profile);
        if actual == case.expected_result {
            correct += 1;
        }
        if case.contested() {
            contested += 1;
            contested_ok += usize::from(actual == case.expected_result);
        }
        if case.expected_result == "SUCCESS" {
            success_cases += 1;
            if actual == "SUCCESS" {
                success_ok += 1;
            }
        }
        results.push(
            serde_json::json!({ "id": case.id, "actual_result": actual, "context": context }),
        );
    }
    let total = limbo.testcases.len();
    let out = serde_json::json!({ "version": 1, "harness": "certscope", "results": results });
    println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    eprintln!(
        "limbo ({:?} profile): {correct}/{total} correct ({:.1}%), {success_ok}/{success_cases} expected-SUCCESS accepted ({:.1}%), {} ms",
        profile,
        pct(correct, total),
        pct(success_ok, success_cases),
        started.elapsed().as_millis()
    );
    eprintln!(
        "  of which {contested} contested cases (pedantic-*, rfc5280-incompatible-with-webpki, max-chain-depth): {contested_ok} agree; other cases: {}/{} agree",
        correct - contested_ok,
        total - contested
    );
    ExitCode::SUCCESS
}
