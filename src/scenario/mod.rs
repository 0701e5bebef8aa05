//! The scenario document, its validation, running it, share links.

pub mod catalogue;
pub mod document;
pub mod link;
