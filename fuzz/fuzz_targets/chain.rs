//! Chain building with attacker-chosen roots, intermediates, CRLs and peer name: the input is
//! split at the first two 0xFF bytes into trusted roots, certificates and CRLs.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |b| *b == 0xff);
    let roots = parts.next().unwrap_or_default().to_vec();
    let certs = parts.next().unwrap_or_default();
    let crls = parts.next().unwrap_or_default().to_vec();
    let host = ["www.certscope.test", "192.0.2.10", "user@certscope.test", "bücher.example"]
        [usize::from(data.first().copied().unwrap_or(0) % 4)];
    let options = certscope::Options::at(1_769_904_000)
        .roots(certscope::Roots::Custom { certificates: roots, with_mozilla: false })
        .crls(crls)
        .host(host);
    let _ = certscope::inspect(certs, &options);
});
