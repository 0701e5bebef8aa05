//! The scenario document, its validation, running it, share links.
pub mod document;
