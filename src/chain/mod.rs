//! Certificate paths: signature checks between certificates.

pub(crate) mod signature;
