//! DNS records that decide HTTPS, pasted as `dig`, `kdig`, `nslookup` or DNS-over-HTTPS JSON
//! output: CAA (which CAs may issue, checked against the pasted certificate's issuer), HTTPS
//! and SVCB (ALPN including HTTP/3, port, address hints, the ECH configuration decoded), and
//! TLSA (DANE, checked against the pasted chain). The analysis is its own module
//! (feature `dns`); the core only notices that a paste holds DNS answers ([`present`]) and carries the report type.

mod analysis;
mod caa;
mod certificate;
mod read;
mod svcb;
mod tlsa;

pub use analysis::{analyse, DnsCertificate, DnsReport};
pub use caa::{Caa, CaaCheck};
#[cfg(not(feature = "dns"))]
pub(crate) use read::present;
pub use read::{Record, Tool, MAX_RECORDS};
pub use svcb::{EchConfig, EchConfigList, Service};
pub use tlsa::Tlsa;
