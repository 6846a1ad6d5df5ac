//! The `certscope` command: `certscope inspect [FILE|-] [--json] [--at TIME] …`,
//! `certscope summarize [FILE|-] [--json]`, `certscope check [FILE|DIR|-]… [--days N] …` and
//! `certscope fix [FILE|-] [--out DIR] …`.

// The CLI needs a clock and a file system: native only. (Cargo also builds binaries when
// running the wasm32 tests.)
#[cfg(not(target_arch = "wasm32"))]
mod cli {
    mod check;
    mod diff;
    mod fix;

    use std::io::Read;
    use std::path::Path;
    use std::process::ExitCode;

    const USAGE: &str = "\
    usage: certscope inspect [FILE|-] [--json] [--at TIME] [--host NAME]
                         [--roots FILE | --no-roots] [--client] [--password-file FILE]
                         [--crls FILE] [--core-lints] [--rfc5280 [--policy OID]... [--explicit-policy]
                         [--inhibit-policy-mapping] [--inhibit-any-policy]]
           certscope summarize [FILE|-] [--json]
           certscope check [FILE|DIR|GLOB|-]... [--days N] [--percent P] [--host NAME]
                         [--at TIME] [--roots FILE | --no-roots] [--client]
                         [--terse] [--json [--pem]]
           certscope fix [FILE|-] [--out DIR] [--at TIME] [--host NAME]
                         [--roots FILE | --no-roots] [--client]
           certscope diff OLD NEW [--json] [--at TIME]

    Reads FILE (or standard input when FILE is - or absent): certificates, chains, CSRs, CRLs,
    PKCS#7 and PKCS#12 bundles, private keys (public half only), openssl s_client and curl -v
    transcripts and HTTP response headers, as PEM anywhere in text, base64, hex or DER; packet
    captures (pcap, pcapng) and TLS records or handshake messages (raw, hex or base64). Prints
    a readable summary, or the full report as JSON with --json.

    summarize only lists each certificate (subject, issuer, serial, dates, names, key, SHA-256)
    without verifying or analysing anything: fast on bundles of thousands.

      --json                print the report as JSON
      --at TIME             judge validity at TIME (RFC 3339: 2026-03-01 or
                            2026-03-01T12:00:00Z) instead of now
      --host NAME           check the chain is valid for this hostname or IP address
      --roots FILE          trust the roots in FILE (PEM or DER) instead of Mozilla's
      --no-roots            trust nothing: explain the chain without a trust store
      --client              validate for TLS client authentication instead of server
      --password-file FILE  open PKCS#12 bundles with the password in FILE (first line)
      --crls FILE           check revocation against the CRLs in FILE (PEM or DER)
      --core-lints          lint by the core's rules only (and the S/MIME and Code Signing
                            BR for those certificates), as <certscope-view> does by default
      --rfc5280             add a third verdict: RFC 5280 path validation as written, with
                            certificate policy processing (section 6.1), and explain which
                            policies the path is valid for; the options below imply it:
      --policy OID          an acceptable policy (user-initial-policy-set; repeat for
                            more; default anyPolicy)
      --explicit-policy     require the path to be valid for an acceptable policy
      --inhibit-policy-mapping
                            do not follow policy mappings
      --inhibit-any-policy  anyPolicy in a certificate does not stand for every policy

    check gives each certificate a verdict, for scripts and monitoring: it fails when the
    certificate is expired or not yet valid, expires within --days N (default 30; 0 turns
    this off) or within --percent P of its lifetime, or (for a chain's end certificate) is
    untrusted or not valid for --host. Inputs are files, directories (their files; files
    without certificates are skipped), glob patterns and - for standard input. It prints a
    table with a count, one line per certificate with --terse, or JSON with --json (--pem adds
    each certificate's PEM).

      --days N              fail when it expires within N days (default 30)
      --percent P           fail when P% or less of the lifetime is left
      --terse               one line per certificate: STATUS FILE#N NOT-AFTER SUBJECT PROBLEMS
      --pem                 with --json, include each certificate's PEM

    fix rebuilds the chain file a server should send from the certificates given, in any
    order, with extras, duplicates or the root: the leaf, then each intermediate, no root. It
    prints fullchain.pem on standard output and what it changed on standard error, or with
    --out DIR writes DIR/fullchain.pem and DIR/chain.pem and prints the nginx, Apache, Caddy
    and HAProxy lines that use them. When an intermediate is missing it names it, says where
    its CA publishes it and gives the commands that fetch it.

      --out DIR             write fullchain.pem and chain.pem into DIR

    diff compares two certificates (the end certificate of each file, any encoding; - for
    standard input): names, key, issuer, validity and every extension, with the differences
    in plain words (Renewal with the same names and a new key; the OCSP URL is gone).

    Exit status: inspect and summarize: 0 when every block was read, 1 when some block could
    not be read, 2 on a usage or I/O error. check: 0 when every certificate passes, 1 when
    any fails (or a block beside them cannot be read), 2 on a usage or I/O error or when a
    named file holds no certificate. fix: 0 when it produced a complete chain file, 1 when
    it could not (an intermediate is missing, or the chain fails for another reason), 2 on a
    usage or I/O error. diff: 0 when they are the same certificate, 1 when they differ, 2 on
    a usage or I/O error or when a file holds no certificate.";

    #[derive(PartialEq, Eq)]
    enum Command {
        Inspect,
        Summarize,
        Check,
        Fix,
        Diff,
    }

    struct Args {
        command: Command,
        files: Vec<String>,
        days: u64,
        percent: Option<u8>,
        terse: bool,
        pem: bool,
        json: bool,
        at: Option<String>,
        host: Option<String>,
        roots: Option<String>,
        no_roots: bool,
        client: bool,
        core_lints: bool,
        password_file: Option<String>,
        out: Option<String>,
        crls: Option<String>,
        policy: Option<certscope::PolicyOptions>,
    }

    fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
        let command = match args.next().as_deref() {
            Some("inspect") => Command::Inspect,
            Some("summarize") => Command::Summarize,
            Some("check") => Command::Check,
            Some("fix") => Command::Fix,
            Some("diff") => Command::Diff,
            Some("-h" | "--help") => return Err(String::new()),
            Some(other) => return Err(format!("unknown command {other:?}")),
            None => return Err("missing command".into()),
        };
        let mut parsed = Args {
            command,
            files: Vec::new(),
            days: 30,
            percent: None,
            terse: false,
            pem: false,
            json: false,
            at: None,
            host: None,
            roots: None,
            no_roots: false,
            client: false,
            core_lints: false,
            password_file: None,
            out: None,
            crls: None,
            policy: None,
        };
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--json" => parsed.json = true,
                "--at" => parsed.at = Some(args.next().ok_or("--at needs a time")?),
                "--host" => parsed.host = Some(args.next().ok_or("--host needs a name")?),
                "--roots" => parsed.roots = Some(args.next().ok_or("--roots needs a file")?),
                "--no-roots" => parsed.no_roots = true,
                "--client" => parsed.client = true,
                "--core-lints" => parsed.core_lints = true,
                "--crls" => parsed.crls = Some(args.next().ok_or("--crls needs a file")?),
                "--rfc5280" => {
                    parsed.policy.get_or_insert_with(Default::default);
                }
                "--policy" => {
                    let oid = args.next().ok_or("--policy needs an OID")?;
                    if !oid
                        .split('.')
                        .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                        || !oid.contains('.')
                    {
                        return Err(format!("--policy: {oid:?} is not a dotted OID"));
                    }
                    parsed
                        .policy
                        .get_or_insert_with(Default::default)
                        .initial_policy_set
                        .push(oid);
                }
                "--explicit-policy" => {
                    parsed
                        .policy
                        .get_or_insert_with(Default::default)
                        .initial_explicit_policy = true;
                }
                "--inhibit-policy-mapping" => {
                    parsed
                        .policy
                        .get_or_insert_with(Default::default)
                        .initial_policy_mapping_inhibit = true;
                }
                "--inhibit-any-policy" => {
                    parsed
                        .policy
                        .get_or_insert_with(Default::default)
                        .initial_any_policy_inhibit = true;
                }
                "--password-file" => {
                    parsed.password_file = Some(args.next().ok_or("--password-file needs a file")?)
                }
                "--days" if parsed.command == Command::Check => {
                    let n = args.next().ok_or("--days needs a number of days")?;
                    parsed.days = n
                        .parse()
                        .map_err(|_| format!("--days: {n:?} is not a number"))?;
                }
                "--percent" if parsed.command == Command::Check => {
                    let n = args.next().ok_or("--percent needs a percentage")?;
                    let p = n
                        .trim_end_matches('%')
                        .parse()
                        .ok()
                        .filter(|p| *p <= 100)
                        .ok_or_else(|| format!("--percent: {n:?} is not a percentage (0-100)"))?;
                    parsed.percent = Some(p);
                }
                "--terse" if parsed.command == Command::Check => parsed.terse = true,
                "--pem" if parsed.command == Command::Check => parsed.pem = true,
                "--out" if parsed.command == Command::Fix => {
                    parsed.out = Some(args.next().ok_or("--out needs a directory")?)
                }
                "-h" | "--help" => return Err(String::new()),
                s if s.starts_with("--at=") => parsed.at = s.get(5..).map(str::to_owned),
                s if s.starts_with("--") => return Err(format!("unknown option {s:?}")),
                s if parsed.files.is_empty()
                    || parsed.command == Command::Check
                    || (parsed.command == Command::Diff && parsed.files.len() < 2) =>
                {
                    parsed.files.push(s.to_owned())
                }
                s => return Err(format!("unexpected argument {s:?}")),
            }
        }
        if parsed.json && parsed.command == Command::Fix {
            return Err("fix writes PEM files; use inspect --json for the report".into());
        }
        if parsed.command == Command::Diff && parsed.files.len() != 2 {
            return Err("diff needs two files: the old certificate and the new".into());
        }
        if parsed.pem && !parsed.json {
            return Err("--pem goes with --json".into());
        }
        Ok(parsed)
    }

    fn read_input(file: Option<&Path>) -> Result<Vec<u8>, String> {
        // Captures may be larger than other input (inspect says which limit applies).
        let limit = certscope::MAX_INPUT_BYTES.max(certscope::MAX_CAPTURE_BYTES) as u64 + 1;
        let mut buf = Vec::new();
        let result = match file {
            Some(path) if path != Path::new("-") => std::fs::File::open(path)
                .and_then(|f| f.take(limit).read_to_end(&mut buf))
                .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", path.display()))),
            _ => std::io::stdin().take(limit).read_to_end(&mut buf),
        };
        result.map(|_| buf).map_err(|e| e.to_string())
    }

    fn run() -> Result<bool, (u8, String)> {
        let args = parse_args(std::env::args().skip(1)).map_err(|e| {
            if e.is_empty() {
                (0, USAGE.to_owned())
            } else {
                (2, format!("certscope: {e}\n\n{USAGE}"))
            }
        })?;
        let options = match &args.at {
            Some(t) => certscope::Options::at(
                certscope::parse_rfc3339(t).map_err(|e| (2, format!("certscope: --at: {e}")))?,
            ),
            None => certscope::Options::now(),
        };
        let mut options = options;
        if let Some(host) = &args.host {
            options = options.host(host.clone());
        }
        if args.client {
            options = options.usage(certscope::Usage::ClientAuth);
        }
        if args.core_lints {
            options = options.lints(certscope::Lints::Core);
        }
        if let Some(path) = &args.password_file {
            let text = std::fs::read_to_string(path)
                .map_err(|e| (2, format!("certscope: {path}: {e}")))?;
            options = options.password(text.lines().next().unwrap_or(""));
        }
        if let Some(path) = &args.crls {
            let crls = std::fs::read(path).map_err(|e| (2, format!("certscope: {path}: {e}")))?;
            options = options.crls(crls);
        }
        if let Some(policy) = &args.policy {
            options = options.rfc5280(policy.clone());
        }
        if args.no_roots {
            options = options.roots(certscope::Roots::None);
        } else if let Some(path) = &args.roots {
            let certificates =
                std::fs::read(path).map_err(|e| (2, format!("certscope: {path}: {e}")))?;
            options = options.roots(certscope::Roots::Custom {
                certificates,
                with_mozilla: false,
            });
        }
        if args.command == Command::Check {
            return check(&args, &options);
        }
        if args.command == Command::Diff {
            return diff(&args, options.at);
        }
        let input = read_input(args.files.first().map(Path::new))
            .map_err(|e| (2, format!("certscope: {e}")))?;
        if args.command == Command::Summarize {
            return summarize(&input, args.json);
        }
        let report =
            certscope::inspect(&input, &options).map_err(|e| (2, format!("certscope: {e}")))?;
        if args.command == Command::Fix {
            return fix::run(&report, args.out.as_deref().map(Path::new));
        }
        if args.json {
            let json = serde_json::to_string_pretty(&report).map_err(|e| (2, e.to_string()))?;
            println!("{json}");
        } else {
            print!("{}", certscope::render_text(&report));
        }
        Ok(report.errors.is_empty())
    }

    /// `certscope check`: every input, a verdict per certificate. `Ok(false)` when one fails.
    fn check(args: &Args, options: &certscope::Options) -> Result<bool, (u8, String)> {
        let thresholds = check::Thresholds {
            days: args.days,
            percent: args.percent,
        };
        let mut inputs = Vec::new();
        for arg in if args.files.is_empty() {
            vec!["-".to_owned()]
        } else {
            args.files.clone()
        } {
            inputs.extend(check::expand(&arg).map_err(|e| (2, format!("certscope: {e}")))?);
        }
        let mut rows = Vec::new();
        let mut files = 0usize;
        let mut skipped = 0usize;
        for (path, named) in &inputs {
            let shown = path.display().to_string();
            let input = read_input(Some(path)).map_err(|e| (2, format!("certscope: {e}")))?;
            let report = certscope::inspect(&input, options)
                .map_err(|e| (2, format!("certscope: {shown}: {e}")))?;
            if report.certificates.is_empty() {
                if *named {
                    return Err((2, format!("certscope: {shown}: no certificate found")));
                }
                skipped = skipped.saturating_add(1);
                continue;
            }
            files = files.saturating_add(1);
            rows.extend(check::rows(&shown, &report, &thresholds, args.pem));
        }
        if rows.is_empty() {
            return Err((2, "certscope: no certificate found".to_owned()));
        }
        if args.json {
            let failing = rows.iter().filter(|r| !r.ok).count();
            let value =
                serde_json::json!({ "ok": failing == 0, "failing": failing, "certificates": rows });
            let json = serde_json::to_string_pretty(&value).map_err(|e| (2, e.to_string()))?;
            println!("{json}");
        } else {
            print!(
                "{}",
                certscope::terminal_safe(&check::text(&rows, args.terse, files))
            );
        }
        if skipped > 0 && !args.terse && !args.json {
            eprintln!("certscope: skipped {skipped} file(s) without certificates");
        }
        Ok(rows.iter().all(|r| r.ok))
    }

    /// `certscope diff`: `Ok(true)` when both are the same certificate.
    fn diff(args: &Args, at: u64) -> Result<bool, (u8, String)> {
        let mut inputs = Vec::new();
        for f in &args.files {
            inputs
                .push(read_input(Some(Path::new(f))).map_err(|e| (2, format!("certscope: {e}")))?);
        }
        let (Some(a), Some(b)) = (inputs.first(), inputs.get(1)) else {
            return Err((2, "certscope: diff needs two files".to_owned()));
        };
        let c =
            certscope::compare::compare(a, b, at).map_err(|e| (2, format!("certscope: {e}")))?;
        if args.json {
            let json = serde_json::to_string_pretty(&c).map_err(|e| (2, e.to_string()))?;
            println!("{json}");
        } else {
            print!("{}", diff::text(&c));
        }
        Ok(c.identical)
    }

    fn summarize(input: &[u8], json: bool) -> Result<bool, (u8, String)> {
        let summary = certscope::summarize(input).map_err(|e| (2, format!("certscope: {e}")))?;
        if json {
            let text = serde_json::to_string_pretty(&summary).map_err(|e| (2, e.to_string()))?;
            println!("{text}");
        } else {
            for (i, c) in summary.certificates.iter().enumerate() {
                let key = match (&c.curve, c.key_bits) {
                    (Some(curve), _) => format!("{} {curve}", c.key_algorithm),
                    (None, Some(bits)) => format!("{} {bits} bits", c.key_algorithm),
                    (None, None) => c.key_algorithm.clone(),
                };
                let at = c.location.line.map_or_else(
                    || format!("byte {}", c.location.byte_offset),
                    |l| format!("line {l}"),
                );
                println!("#{} ({at}) {}", i.saturating_add(1), c.subject);
                println!("   issuer  {}", c.issuer);
                println!("   serial  {}", c.serial);
                println!("   valid   {} to {}", c.not_before, c.not_after);
                if !c.names.is_empty() {
                    println!("   names   {}", c.names.join(", "));
                }
                println!("   key     {key}{}", if c.ca { " (CA)" } else { "" });
                println!("   sha256  {}", c.sha256);
            }
            for p in &summary.errors {
                println!("block {}: {}", p.location.block, p.message);
            }
        }
        Ok(summary.errors.is_empty())
    }

    pub(crate) fn main() -> ExitCode {
        match run() {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(1),
            Err((code, message)) => {
                if code == 0 {
                    println!("{message}");
                } else {
                    eprintln!("{message}");
                }
                ExitCode::from(code)
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
