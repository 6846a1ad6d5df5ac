//! DNS records that decide HTTPS, pasted as `dig`, `kdig`, `nslookup` or DNS-over-HTTPS JSON
//! output: CAA (which CAs may issue, checked against the pasted certificate's issuer), HTTPS
//! and SVCB (ALPN including HTTP/3, port, address hints, the ECH configuration decoded), and
//! TLSA (DANE, checked against the pasted chain). The analysis runs in the http module; the
//! core only notices that a paste holds DNS answers ([`present`]) and carries the report type.

mod analysis;
mod caa;
mod read;
mod svcb;
mod tlsa;

pub use analysis::{analyse, DnsCertificate, DnsReport};
pub use caa::{Caa, CaaCheck};
#[cfg(not(feature = "http"))]
pub(crate) use read::present;
pub use read::{Record, Tool, MAX_RECORDS};
pub use svcb::{EchConfig, EchConfigList, Service};
pub use tlsa::Tlsa;
