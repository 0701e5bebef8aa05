//! What each service API checks when it receives a role: PassRole flows and service principals.
