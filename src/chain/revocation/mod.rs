//! Revocation against CRLs the user supplies ([RFC 5280 §6.3]): distribution points and
//! reasons ([`scope`]), the CRL's signer and its own path ([`signer`]), indirect and delta CRLs
//! ([`list`], [`status`]). certscope never fetches anything, so only CRLs given with the input
//! are consulted.
//!
//! The checks are the `revocation` feature. A WebAssembly core is built without it: it writes
//! the validated path ([`wire`]) for the revocation module, which `engine.js` loads only when
//! CRLs are given, and reads back its answer.
//!
//! [RFC 5280 §6.3]: https://www.rfc-editor.org/rfc/rfc5280#section-6.3

#[cfg(feature = "revocation")]
mod list;
#[cfg(feature = "revocation")]
mod scope;
#[cfg(feature = "revocation")]
mod signer;
#[cfg(feature = "revocation")]
mod status;
mod wire;

#[cfg(feature = "revocation")]
pub use wire::check as module_check;

use super::build::{Context, Path};
use super::cert::ChainCert;
use super::failure::Failure;
use super::trust_store::Anchor;

/// The CRLs given with the input: each one's DER (PEM `X509 CRL` blocks or DER, split by the
/// input reader; the same CRL given twice is kept once), and (with the feature) read.
pub(crate) struct Crls {
    #[cfg_attr(
        any(
            feature = "revocation",
            not(target_arch = "wasm32"),
            feature = "module"
        ),
        allow(dead_code)
    )]
    ders: Vec<Vec<u8>>,
    #[cfg(feature = "revocation")]
    list: Vec<list::Crl>,
}

impl Crls {
    pub(crate) fn new(bytes: &[u8]) -> Self {
        let mut ders: Vec<Vec<u8>> = Vec::new();
        if !bytes.is_empty() {
            for block in crate::input::split(bytes)
                .unwrap_or_default()
                .into_iter()
                .flatten()
            {
                if !ders.contains(&block.der) {
                    ders.push(block.der);
                }
            }
        }
        Crls {
            #[cfg(feature = "revocation")]
            list: ders.iter().filter_map(|d| list::decode(d)).collect(),
            ders,
        }
    }
}

/// Whether CRLs can be checked in this build (in a WebAssembly core: whether the revocation
/// module has been loaded).
pub(crate) fn available() -> bool {
    #[cfg(feature = "revocation")]
    {
        true
    }
    #[cfg(all(
        not(feature = "revocation"),
        target_arch = "wasm32",
        not(feature = "module")
    ))]
    {
        crate::wasm::services::loaded("revocation")
    }
    #[cfg(all(
        not(feature = "revocation"),
        any(not(target_arch = "wasm32"), feature = "module")
    ))]
    {
        false
    }
}

/// Checks each certificate on `path` against the CRLs given. Without the feature and before the
/// module is loaded nothing is checked, and the report lists `revocation` as pending.
pub(crate) fn check_path(
    pool: &[ChainCert],
    anchors: &[&Anchor],
    crls: &Crls,
    path: &Path,
    ctx: &Context<'_>,
) -> Result<(), Failure> {
    let Some(anchor) = anchors.get(path.anchor).copied() else {
        return Ok(());
    };
    #[cfg(feature = "revocation")]
    {
        if crls.list.is_empty() {
            return Ok(());
        }
        status::check_path(pool, anchor, &crls.list, &path.certs, ctx)
    }
    #[cfg(all(
        not(feature = "revocation"),
        target_arch = "wasm32",
        not(feature = "module")
    ))]
    {
        if crls.ders.is_empty() {
            return Ok(());
        }
        let input = wire::encode(pool, anchor, &crls.ders, &path.certs, ctx);
        match crate::wasm::services::check_revocation(&input) {
            Some(answer) => wire::read_answer(&answer),
            None => Ok(()),
        }
    }
    #[cfg(all(
        not(feature = "revocation"),
        any(not(target_arch = "wasm32"), feature = "module")
    ))]
    {
        let _ = (pool, anchor, crls, ctx);
        Ok(())
    }
}
