//! The decision logic: policy types, same and cross account, the explanation trace.
