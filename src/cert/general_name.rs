//! General names ([RFC 5280 §4.2.1.6]): what SANs, name constraints, AIA and CRL
//! distribution points are made of.
//!
//! [RFC 5280 §4.2.1.6]: https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.6

use core::net::{Ipv4Addr, Ipv6Addr};

use der::Tagged;
use serde::Serialize;
use x509_cert::ext::pkix::name::GeneralName;

use crate::{hex, oid};

/// The choice of a GeneralName ([RFC 5280 §4.2.1.6]), and a relative name in a CRL
/// distribution point ([RFC 5280 §4.2.1.13]).
///
/// [RFC 5280 §4.2.1.13]: https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.13
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum GeneralNameKind {
    /// dNSName.
    Dns,
    /// iPAddress.
    Ip,
    /// rfc822Name.
    Email,
    /// uniformResourceIdentifier.
    Uri,
    /// directoryName.
    DirectoryName,
    /// registeredID.
    RegisteredId,
    /// otherName.
    OtherName,
    /// ediPartyName.
    EdiPartyName,
    /// nameRelativeToCRLIssuer (CRL distribution points only).
    RelativeName,
}

impl GeneralNameKind {
    /// The name as in JSON: `dns`, `ip`, `email`, `uri`, `directoryName`, …
    pub fn as_str(self) -> &'static str {
        match self {
            GeneralNameKind::Dns => "dns",
            GeneralNameKind::Ip => "ip",
            GeneralNameKind::Email => "email",
            GeneralNameKind::Uri => "uri",
            GeneralNameKind::DirectoryName => "directoryName",
            GeneralNameKind::RegisteredId => "registeredId",
            GeneralNameKind::OtherName => "otherName",
            GeneralNameKind::EdiPartyName => "ediPartyName",
            GeneralNameKind::RelativeName => "relativeName",
        }
    }
}

impl core::fmt::Display for GeneralNameKind {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One general name, as a kind and a text value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GeneralNameReport {
    /// Which choice of GeneralName.
    pub kind: GeneralNameKind,
    /// The name as text. IP addresses in their usual notation; in name constraints an
    /// address with its mask is shown as CIDR (`10.0.0.0/8`) when the mask is contiguous.
    pub value: String,
    /// For a DNS name with IDN A-labels (`xn--…`), its Unicode form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unicode: Option<String>,
}

/// Microsoft's User Principal Name, the otherName seen most often.
const UPN: const_oid::ObjectIdentifier =
    const_oid::ObjectIdentifier::new_unwrap("1.3.6.1.4.1.311.20.2.3");

pub(crate) fn report(name: &GeneralName) -> GeneralNameReport {
    let (kind, value) = match name {
        GeneralName::DnsName(s) => (GeneralNameKind::Dns, s.as_str().to_owned()),
        GeneralName::Rfc822Name(s) => (GeneralNameKind::Email, s.as_str().to_owned()),
        GeneralName::UniformResourceIdentifier(s) => (GeneralNameKind::Uri, s.as_str().to_owned()),
        GeneralName::IpAddress(octets) => (GeneralNameKind::Ip, ip(octets.as_bytes())),
        GeneralName::DirectoryName(n) => (GeneralNameKind::DirectoryName, super::name::display(n)),
        GeneralName::RegisteredId(o) => {
            (GeneralNameKind::RegisteredId, oid::name_or_dotted(&[], o))
        }
        GeneralName::OtherName(other) => {
            let label = if other.type_id == UPN {
                "UPN".to_owned()
            } else {
                oid::name_or_dotted(&[], &other.type_id)
            };
            let value = super::name::decode_string(other.value.tag(), other.value.value())
                .unwrap_or_else(|| format!("#{}", hex::plain(other.value.value())));
            (GeneralNameKind::OtherName, format!("{label}: {value}"))
        }
        GeneralName::EdiPartyName(_) => {
            (GeneralNameKind::EdiPartyName, "(EDI party name)".to_owned())
        }
    };
    let unicode = (kind == GeneralNameKind::Dns)
        .then(|| crate::idn::to_unicode(&value))
        .flatten();
    GeneralNameReport {
        kind,
        value,
        unicode,
    }
}

/// Formats an iPAddress: 4 or 16 octets for an address, 8 or 32 (address and mask) in name
/// constraints ([RFC 5280 §4.2.1.10]).
///
/// [RFC 5280 §4.2.1.10]: https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.10
pub(crate) fn ip(octets: &[u8]) -> String {
    if let Ok(v4) = <[u8; 4]>::try_from(octets) {
        return Ipv4Addr::from(v4).to_string();
    }
    if let Ok(v6) = <[u8; 16]>::try_from(octets) {
        return Ipv6Addr::from(v6).to_string();
    }
    if octets.len() == 8 || octets.len() == 32 {
        let (addr, mask) = octets.split_at(octets.len() / 2);
        let address = ip(addr);
        return match prefix_length(mask) {
            Some(bits) => format!("{address}/{bits}"),
            None => format!("{address} mask {}", ip(mask)),
        };
    }
    format!("#{}", hex::plain(octets))
}

/// The prefix length of a contiguous network mask, or `None` if the mask has holes.
pub(crate) fn prefix_length(mask: &[u8]) -> Option<u32> {
    let ones: u32 = mask.iter().map(|b| b.count_ones()).sum();
    let contiguous = mask
        .iter()
        .flat_map(|b| (0..8).rev().map(move |i| (b >> i) & 1 == 1))
        .skip_while(|bit| *bit)
        .all(|bit| !bit);
    contiguous.then_some(ones)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_addresses_and_masks() {
        assert_eq!(ip(&[192, 0, 2, 1]), "192.0.2.1");
        assert_eq!(ip(&[10, 0, 0, 0, 255, 0, 0, 0]), "10.0.0.0/8");
        assert_eq!(
            ip(&[10, 0, 0, 0, 255, 0, 255, 0]),
            "10.0.0.0 mask 255.0.255.0"
        );
        let mut v6 = [0u8; 16];
        v6[0] = 0x20;
        v6[1] = 0x01;
        v6[2] = 0x0d;
        v6[3] = 0xb8;
        v6[15] = 1;
        assert_eq!(ip(&v6), "2001:db8::1");
        assert_eq!(ip(&[1, 2, 3]), "#010203");
    }
}
