//! Readers for the elements of a statement, each reporting what IAM would refuse in it.

pub(crate) mod action;
pub(crate) mod condition;
pub(crate) mod keys;
pub(crate) mod principal;
pub(crate) mod principal_forms;
pub(crate) mod values;
pub(crate) mod variables;
